"""Where the shipped data lives: beside the package in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES_DIR = ROOT / "articles"
QUESTIONNAIRES_DIR = ROOT / "questionnaires"
EXAMPLES_DIR = ROOT / "examples"
CASES_DIR = ROOT / "cases"
LAW_DIR = ROOT / "law"
