"""The fake Jira's data: projects, users and issues, with Jira's validation and JSON shapes."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

ISSUE_TYPES = ["Task", "Bug", "Story"]
PRIORITIES = ["Highest", "High", "Medium", "Low", "Lowest"]
STATUSES = {
    "To Do": {"key": "new", "name": "To Do"},
    "In Progress": {"key": "indeterminate", "name": "In Progress"},
    "Done": {"key": "done", "name": "Done"},
}
FIELDS = [
    {"id": fid, "name": name, "custom": False, "clauseNames": clauses}
    for fid, name, clauses in [
        ("summary", "Summary", ["summary"]),
        ("description", "Description", ["description"]),
        ("labels", "Labels", ["labels"]),
        ("duedate", "Due date", ["due", "duedate"]),
        ("assignee", "Assignee", ["assignee"]),
        ("priority", "Priority", ["priority"]),
        ("status", "Status", ["status"]),
        ("project", "Project", ["project"]),
        ("issuetype", "Issue Type", ["issuetype", "type"]),
        ("created", "Created", ["created", "createdDate"]),
        ("updated", "Updated", ["updated", "updatedDate"]),
        ("resolution", "Resolution", ["resolution"]),
    ]
]
DEFAULT_USERS = [
    {"name": "alice", "displayName": "Alice Archer", "emailAddress": "alice@example.com"},
    {"name": "bbrown", "displayName": "Bob Brown", "emailAddress": "bob.brown@example.com"},
    {"name": "carol", "displayName": "Carol Chen", "emailAddress": "carol@example.com"},
    {"name": "bot", "displayName": "Publishing Bot", "emailAddress": "bot@example.com"},
]


def error_body(*messages: str, errors: dict[str, str] | None = None) -> dict[str, Any]:
    """Jira's error shape."""
    return {"errorMessages": list(messages), "errors": errors or {}}


class JiraState:
    """Issues, users and projects held in memory (the server locks around every call)."""

    def __init__(self, *, deployment: str, project: str, search_lag: float = 0.0) -> None:
        self.deployment = deployment
        self.search_lag = search_lag
        """Seconds before a new issue is found by JQL search (Jira's index catching up)."""
        self._indexed_at: dict[str, float] = {}
        self.url = ""
        self.project_key = project
        self.projects = [{"id": "10000", "key": project, "name": f"{project} project"}]
        self.users: list[dict[str, str]] = [
            {**u, "key": f"JIRAUSER{n}", "accountId": f"acc-{u['name']}"}
            for n, u in enumerate(DEFAULT_USERS, start=10100)
        ]
        self.issues: dict[str, dict[str, Any]] = {}
        self._next_number = 1
        self._next_id = 10001

    # -- users and projects ------------------------------------------------------

    def me(self) -> dict[str, str]:
        return next(u for u in self.users if u["name"] == "bot")

    def add_user(self, name: str, display_name: str, email: str = "") -> dict[str, str]:
        user = {
            "name": name,
            "displayName": display_name,
            "emailAddress": email,
            "key": f"JIRAUSER{10100 + len(self.users)}",
            "accountId": f"acc-{name}",
        }
        self.users.append(user)
        return user

    def user_json(self, user: dict[str, str]) -> dict[str, Any]:
        if self.deployment == "Cloud":
            return {
                "self": f"{self.url}/rest/api/2/user?accountId={user['accountId']}",
                "accountId": user["accountId"],
                "accountType": "atlassian",
                "displayName": user["displayName"],
                "emailAddress": user["emailAddress"],
                "active": True,
            }
        return {
            "self": f"{self.url}/rest/api/2/user?username={user['name']}",
            "key": user["key"],
            "name": user["name"],
            "displayName": user["displayName"],
            "emailAddress": user["emailAddress"],
            "active": True,
        }

    def search_users(self, text: str) -> list[dict[str, str]]:
        """Prefix match on user name, e-mail, display name or any word of it (as Jira does)."""
        needle = text.lower()

        def hit(u: dict[str, str]) -> bool:
            words = [u["displayName"], *u["displayName"].split(), u["emailAddress"]]
            if self.deployment != "Cloud":
                words.append(u["name"])
            return any(w.lower().startswith(needle) for w in words if w)

        return [u for u in self.users if hit(u)]

    def find_user(self, ref: dict[str, Any]) -> dict[str, str] | None:
        field = "accountId" if self.deployment == "Cloud" else "name"
        return next((u for u in self.users if u[field] == ref.get(field)), None)

    def find_project(self, key_or_id: str) -> dict[str, str] | None:
        return next((p for p in self.projects if key_or_id in (p["key"], p["id"])), None)

    # -- issues ----------------------------------------------------------------

    def get(self, key_or_id: str) -> dict[str, Any] | None:
        found = self.issues.get(key_or_id.upper())
        return found or next((i for i in self.issues.values() if i["id"] == key_or_id), None)

    def searchable(self, issue: dict[str, Any]) -> bool:
        """Whether search finds the issue yet (see `search_lag`)."""
        return time.monotonic() >= self._indexed_at.get(issue["key"], 0.0)

    def tickets(self, label: str | None = None) -> list[dict[str, Any]]:
        """Every issue (with `label`, only those carrying it)."""
        return [i for i in self.issues.values() if label is None or label in i["fields"]["labels"]]

    def set_status(self, key: str, status: str) -> None:
        """Move an issue to To Do, In Progress or Done (as a person would in Jira)."""
        fields = self.issues[key]["fields"]
        fields["status"] = {"name": status, "statusCategory": STATUSES[status]}
        fields["resolution"] = {"name": "Done"} if status == "Done" else None
        fields["updated"] = _now()

    def edit(self, key: str, **fields: Any) -> None:
        """Change fields as a person would in Jira (assignee by user name, duedate as text)."""
        issue = self.issues[key]
        if "assignee" in fields and isinstance(fields["assignee"], str):
            fields["assignee"] = next(u for u in self.users if u["name"] == fields["assignee"])
        issue["fields"].update(fields)
        issue["fields"]["updated"] = _now()

    def delete_issue(self, key_or_id: str) -> None:
        issue = self.get(key_or_id)
        if issue is not None:
            del self.issues[issue["key"]]

    def ref(self, issue: dict[str, Any]) -> dict[str, str]:
        return {"id": issue["id"], "key": issue["key"], "self": self._self(issue)}

    def _self(self, issue: dict[str, Any]) -> str:
        return f"{self.url}/rest/api/2/issue/{issue['id']}"

    def validate(self, fields: dict[str, Any], creating: bool) -> dict[str, str]:
        """Jira's field errors for a create or edit."""
        errors: dict[str, str] = {}
        if creating:
            project = fields.get("project") or {}
            if not self.find_project(str(project.get("key") or project.get("id") or "")):
                errors["project"] = "project is required"
            issuetype = fields.get("issuetype") or {}
            if issuetype.get("name") not in ISSUE_TYPES and issuetype.get("id") is None:
                errors["issuetype"] = "The issue type selected is invalid."
            if not str(fields.get("summary") or "").strip():
                errors["summary"] = "You must specify a summary of the issue."
        summary = fields.get("summary")
        if summary is not None and "\n" in str(summary):
            errors["summary"] = "The summary is invalid because it contains newline characters."
        if summary is not None and len(str(summary)) > 255:
            errors["summary"] = "Summary must be less than 255 characters."
        priority = fields.get("priority")
        if priority is not None and priority.get("name") not in PRIORITIES:
            errors["priority"] = "The priority selected is invalid."
        assignee = fields.get("assignee")
        if assignee and self.find_user(assignee) is None:
            who = assignee.get("name") or assignee.get("accountId")
            errors["assignee"] = f"User '{who}' does not exist."
        due = fields.get("duedate")
        if due and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(due)):
            errors["duedate"] = f"Error parsing date string: {due}"
        for label in fields.get("labels") or []:
            if " " in label:
                errors["labels"] = f"The label '{label}' contains spaces which is invalid."
        return errors

    def create(self, fields: dict[str, Any]) -> dict[str, Any]:
        project = fields["project"]
        proj = self.find_project(str(project.get("key") or project.get("id")))
        assert proj is not None
        key = f"{proj['key']}-{self._next_number}"
        self._next_number += 1
        issue: dict[str, Any] = {"id": str(self._next_id), "key": key}
        self._next_id += 1
        now = _now()
        issue["fields"] = {
            "summary": fields.get("summary", ""),
            "description": fields.get("description"),
            "labels": list(fields.get("labels") or []),
            "duedate": fields.get("duedate"),
            "priority": {"name": (fields.get("priority") or {}).get("name", "Medium")},
            "assignee": self.find_user(fields["assignee"]) if fields.get("assignee") else None,
            "status": {"name": "To Do", "statusCategory": STATUSES["To Do"]},
            "resolution": None,
            "project": dict(proj),
            "issuetype": {"name": (fields.get("issuetype") or {}).get("name", "Task")},
            "created": now,
            "updated": now,
        }
        self.issues[key] = issue
        if self.search_lag:
            self._indexed_at[key] = time.monotonic() + self.search_lag
        return issue

    def edit_raw(
        self, issue: dict[str, Any], fields: dict[str, Any], update: dict[str, Any]
    ) -> None:
        """Apply a PUT /issue body: `fields` set values, `update` applies add/remove/set ops."""
        target = issue["fields"]
        for name, value in fields.items():
            if name == "assignee":
                target[name] = self.find_user(value) if value else None
            elif name == "priority":
                target[name] = {"name": value["name"]}
            else:
                target[name] = value
        for op in update.get("labels", []):
            labels = target["labels"]
            if "add" in op and op["add"] not in labels:
                labels.append(op["add"])
            if "remove" in op and op["remove"] in labels:
                labels.remove(op["remove"])
            if "set" in op:
                target["labels"] = list(op["set"])
        target["updated"] = _now()

    def issue_json(self, issue: dict[str, Any], names: list[str]) -> dict[str, Any]:
        """An issue as Jira sends it, with only the fields asked for (`*all` for all)."""
        wanted = {n.strip() for n in names if n.strip()}
        fields = {}
        for name, value in issue["fields"].items():
            everything = "*all" in wanted or "*navigable" in wanted
            if name in wanted or (everything and f"-{name}" not in wanted):
                fields[name] = self.user_json(value) if name == "assignee" and value else value
        return {"id": issue["id"], "key": issue["key"], "self": self._self(issue), "fields": fields}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
