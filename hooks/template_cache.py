"""Hook: templates compiled once and kept between builds.

Jinja compiles Material's templates again in every language's build, and the manual's own in
every build, which costs more than rendering a dozen pages. Its bytecode cache checks each
template against its source before use, so an edited template is compiled afresh.
"""

from mkdocs.plugins import event_priority

from manual import templates
from manual.site import cache_dir


@event_priority(100)  # before any hook renders the manual's own templates
def on_config(config):
    templates.environment().bytecode_cache = templates.bytecode_cache(
        cache_dir(config, "templates")
    )
    return config


def on_env(env, config, files):
    env.bytecode_cache = templates.bytecode_cache(cache_dir(config, "templates"))
    return env
