"""Adding a language to the manual, and choosing which languages a quick preview builds."""

from __future__ import annotations

import re
from pathlib import Path

from manual.errors import ManualError
from manual.locales import RIGHT_TO_LEFT

CODE = re.compile(r"^[a-z]{2}$")


def _yaml():
    from ruamel.yaml import YAML  # only for editing mkdocs.yml, never in a build

    yaml = YAML()  # round trip: comments, order and layout of mkdocs.yml survive
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _i18n_languages(config, path: Path):
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise ManualError(path, None, "no 'i18n' plugin with 'languages' in the plugins list")


def add_language(root: Path, code: str, name: str) -> list[Path]:
    """Create docs/<code>/ and list the language in mkdocs.yml; never overwrite anything.

    Every page then falls back to English, with the notice, until it is translated.
    """
    config_path = root / "mkdocs.yml"
    if not CODE.match(code):
        raise ManualError(
            config_path, None, f"'{code}' is not a two-letter ISO 639-1 language code"
        )
    folder = root / "docs" / code
    if folder.exists() and any(folder.iterdir()):
        raise ManualError(folder, None, "already exists and is not empty; nothing was changed")
    yaml = _yaml()
    config = yaml.load(config_path.read_text(encoding="utf-8"))
    languages = _i18n_languages(config, config_path)
    if any(entry.get("locale") == code for entry in languages):
        raise ManualError(
            config_path, None, f"the language '{code}' is already configured; nothing was changed"
        )
    strings = folder / "interface.yml"
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap(locale=code, name=name, build=True)
    last = languages[-1]
    languages.append(entry)
    # ruamel keeps the comment after a list on its last entry: hand it on to the new last entry.
    if isinstance(last, CommentedMap) and last and list(last)[-1] in last.ca.items:
        entry.ca.items["build"] = last.ca.items.pop(list(last)[-1])
    folder.mkdir(parents=True, exist_ok=True)
    direction = "right to left" if code in RIGHT_TO_LEFT else "left to right"
    strings.write_text(
        f"# Interface strings in this language ({direction}). Copy keys from ../en/interface.yml and\n"
        f"# translate their texts; a key left out shows in English.\nlanguage_name: {name}\n",
        encoding="utf-8",
    )
    with config_path.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)
    return [folder, strings, config_path]


def preview_languages(configured: list[str], source: str, requested: str | None) -> set[str]:
    """The languages a build makes: all, or the source plus those asked for (MANUAL_LANGUAGES)."""
    if not requested:
        return set(configured)
    wanted = {code.strip() for code in requested.split(",") if code.strip()}
    unknown = wanted - set(configured)
    if unknown:
        raise ValueError(
            f"MANUAL_LANGUAGES names languages not in mkdocs.yml: {', '.join(sorted(unknown))}"
        )
    return wanted | {source}
