"""Follow-through: which action items are outstanding or overdue, across every post-mortem.

`listing` (the rows and their filters), `status` (the status changes a person
makes), `sync` (status, assignee and due date pulled from Jira) and `remind` (a
digest of overdue and due-this-week items, for cron). Nothing here imports
Textual; the `jira` client is imported only when Jira is contacted.
"""
