"""Which module of app/cli holds each `bka` command, and its line in `bka --help`.

`bka` imports a command's module only when that command runs: a command's module pulls in
what it needs (the models, the catalogue, the store, reportlab), and none of that is a cost
to the others. `bka --help` lists every command from this table without importing any.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    module: str  #: the module whose register(sub) adds this command's parser
    help: str  #: one line for `bka --help` and the command's own help


COMMANDS: dict[str, Command] = {
    "validate": Command("app.cli.commands",
                        "check questionnaires, articles, examples and cases"),
    "articles": Command("app.cli.commands", "list the convention's 54 articles"),
    "cases": Command("app.cli.commands", "list the workshop cases"),
    "score": Command("app.cli.commands", "score an assessment file (YAML or JSON)"),
    "serve": Command("app.cli.serve",
                     "start the app in the browser (localhost only by default)"),
    "report": Command("app.cli.report", "build the report (PDF, Word or HTML) of an "
                      "assessment file or a stored assessment"),
    "minutes": Command("app.cli.minutes", "write the minutes of a stored team meeting as PDF"),
    "workshop-summary": Command("app.cli.workshop", "the summary PDF of a workshop"),
    "workshop-key": Command("app.cli.workshop", "make a new trainer's key for a workshop whose "
                            "key is lost (whoever runs the server); prints it once"),
    "export": Command("app.cli.store", "export stored assessments to one JSON file"),
    "import": Command("app.cli.store", "import an export file, one assessment file, or the "
                      "assessment carried by a report PDF"),
    "backup": Command("app.cli.store",
                      "write a zip of the whole data folder into data/backups"),
    "letter": Command("app.cli.letter",
                      "write the letter back to the children as PDF or DOCX"),
    "migrate": Command("app.cli.migrate",
                       "copy a local data folder into a PostgreSQL database"),
    "dashboard": Command("app.cli.dashboard",
                         "the council's overview of the stored assessments"),
    "followup": Command("app.cli.followup", "start the follow-up of a decided assessment, "
                        "or write its before-and-after comparison (--pdf)"),
    "api": Command("app.cli.api", "start the HTTP API for case systems (localhost only by "
                   "default; docs/API.md)"),
    "api-token": Command("app.cli.api", "create, list or revoke the API tokens of case "
                         "systems (an administrator's command)"),
}


def help_of(name: str) -> str:
    return COMMANDS[name].help
