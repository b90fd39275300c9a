"""The fake Jira's REST endpoints: each takes the query and the JSON body, returns an Answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fakes.fake_jira_state import JiraState, error_body
from tests.fakes.jql import JqlError, parse

API = "/rest/api/2/"
BULK_LIMIT = 50


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


class JiraEndpoints(JiraState):
    """Jira's answers, shaped as Jira shapes them (Server or Cloud flavour)."""

    max_results: int

    def _server_info(self, query: Any, body: Any) -> Answer:
        cloud = self.deployment == "Cloud"
        version = [1001, 0, 0] if cloud else [9, 12, 2]
        return Answer(
            200,
            {
                "baseUrl": self.url,
                "version": ".".join(map(str, version)),
                "versionNumbers": version,
                "deploymentType": self.deployment,
                "buildNumber": 100000,
                "serverTitle": "Fake Jira",
            },
        )

    def _project(self, key_or_id: str) -> Answer:
        project = self.find_project(key_or_id)
        if project is None:
            return Answer(404, error_body(f"No project could be found with key '{key_or_id}'."))
        return Answer(200, {**project, "self": f"{self.url}{API}project/{project['id']}"})

    def _user_search(self, query: dict[str, list[str]], body: Any) -> Answer:
        param = "query" if self.deployment == "Cloud" else "username"
        text = (query.get(param) or [""])[0]
        if not text:
            return Answer(400, error_body(f"The {param} query parameter was not provided"))
        return Answer(200, [self.user_json(u) for u in self.search_users(text)])

    def _create_one(self, query: Any, body: dict[str, Any]) -> Answer:
        errors = self.validate(body.get("fields") or {}, creating=True)
        if errors:
            return Answer(400, error_body(errors=errors))
        return Answer(201, self.ref(self.create(body["fields"])))

    def _create_bulk(self, query: Any, body: dict[str, Any]) -> Answer:
        updates = body.get("issueUpdates") or []
        if len(updates) > BULK_LIMIT:
            return Answer(
                400,
                error_body(
                    f"The number of issues in a bulk create request can't be more than {BULK_LIMIT}."
                ),
            )
        issues, errors = [], []
        for n, update in enumerate(updates):
            problems = self.validate(update.get("fields") or {}, creating=True)
            if problems:
                errors.append(
                    {
                        "status": 400,
                        "elementErrors": error_body(errors=problems),
                        "failedElementNumber": n,
                    }
                )
            else:
                issues.append(self.ref(self.create(update["fields"])))
        return Answer(201 if issues or not updates else 400, {"issues": issues, "errors": errors})

    def _search_get(self, query: dict[str, list[str]], body: Any) -> Answer:
        params: dict[str, Any] = {k: v[0] for k, v in query.items()}
        params["fields"] = ",".join(query.get("fields", []))
        return self._search(params)

    def _search(self, params: dict[str, Any]) -> Answer:
        try:
            parsed = parse(str(params.get("jql") or ""))
        except JqlError as exc:
            return Answer(400, {"errorMessages": [str(exc)], "warningMessages": []})
        found = parsed.sort(
            [i for i in self.issues.values() if self.searchable(i) and parsed.matches(i)]
        )
        token = params.get("nextPageToken")
        start = int(token if token else params.get("startAt") or 0)
        size = min(int(params.get("maxResults") or 50), self.max_results)
        wanted = params.get("fields") or "*all"
        names = wanted if isinstance(wanted, list) else str(wanted).split(",")
        page = [self.issue_json(i, names) for i in found[start : start + size]]
        if self.deployment == "Cloud":
            more = start + size < len(found)
            answer = {"issues": page, "isLast": not more}
            if more:
                answer["nextPageToken"] = str(start + size)
            return Answer(200, answer)
        return Answer(
            200, {"startAt": start, "maxResults": size, "total": len(found), "issues": page}
        )

    def _issue(self, method: str, key: str, query: dict[str, list[str]], body: Any) -> Answer:
        issue = self.get(key)
        if issue is None:
            return Answer(
                404, error_body("Issue does not exist or you do not have permission to see it.")
            )
        if method == "GET":
            names = ",".join(query.get("fields", ["*all"])).split(",")
            return Answer(200, self.issue_json(issue, names))
        if method == "DELETE":
            self.delete_issue(key)
            return Answer(204)
        errors = self.validate(body.get("fields") or {}, creating=False)
        if errors:
            return Answer(400, error_body(errors=errors))
        self.edit_raw(issue, body.get("fields") or {}, body.get("update") or {})
        return Answer(204)
