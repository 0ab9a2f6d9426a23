"""The Direct Assistance Manual's own library.

Plain functions and data models that turn the manual's sources (Markdown, structured guidance
data in YAML, interface strings) into pages, search indexes and printable editions. Nothing here
imports MkDocs except `plugin/`, the MkDocs plugin that is the one adapter to the build, so the
rest would survive a move to another generator.
"""
