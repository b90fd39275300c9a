from debrief.launch import main

main()
