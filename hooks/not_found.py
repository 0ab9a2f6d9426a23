"""Hook: a "page not found" page in every language (mkdocs-static-i18n keeps only the last)."""

from pathlib import Path

from manual import error_pages
from manual.site import build_locale


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    locale = build_locale(config)
    return error_pages.place(Path(config.site_dir), locale.prefix, output_content)
