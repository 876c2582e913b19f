"""Chronique's commands. Each task only wires the command line to a function of the package."""

from __future__ import annotations

from invoke import task
