"""The theme's UI strings: one gettext catalogue per language, installed into Jinja.

Templates write English message ids (``{{ _("Skip to content") }}``, ``{% trans %}``),
and so do the plugin's modules for what they write themselves (``ui.gettext("…")``: the
feed descriptions); ``theme/translations/<lang>/LC_MESSAGES/messages.po`` translates them. The ``.po``
file is the only thing committed: it is compiled in memory at every build, so
there is no binary to keep in step and two builds stay byte-identical.

The UI language is ``CHRONIQUE_UI_LANG`` (default: ``DEFAULT_LANG``). An English
archive sets ``DEFAULT_LANG = "en"``: with no English catalogue the message ids,
which are English, are shown as they are.

To refresh the catalogue after editing templates::

    python -m chronique.site.i18n update theme
"""

from __future__ import annotations

import gettext
import logging
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from chronique.site.model import site_of

log = logging.getLogger(__name__)

DOMAIN = "messages"
JINJA_I18N = "jinja2.ext.i18n"
#: How Babel finds the theme's messages: every template, with Jinja's i18n extension.
METHOD_MAP = [("templates/**.html", "jinja2")]
OPTIONS_MAP = {"templates/**.html": {"extensions": JINJA_I18N, "trimmed": "true"}}
#: The plugin's own UI strings (feed descriptions): ``ui.gettext("…")`` in its modules.
PLUGIN_DIR = Path(__file__).parent
PLUGIN_METHOD_MAP = [("*.py", "python")]


def catalogue_path(theme: Path, lang: str) -> Path:
    return theme / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def load_translations(theme: Path, lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of *lang*, or no translation when the theme has none."""
    path = catalogue_path(theme, lang)
    if not path.is_file():
        if not lang.startswith("en"):
            log.warning("no UI catalogue for language %r at %s: English UI strings", lang, path)
        return gettext.NullTranslations()
    compiled = BytesIO()
    write_mo(compiled, read_catalogue(path, lang), use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def ui_lang(settings: dict[str, Any]) -> str:
    return site_of(settings).chronique.ui_lang or str(settings.get("DEFAULT_LANG") or "en")


def install_translations(generator: Any) -> None:
    """``generator_init`` handler: Jinja's i18n extension with the site's catalogue."""
    env = generator.env
    if JINJA_I18N not in env.extensions:
        env.add_extension(JINJA_I18N)
    theme = Path(generator.settings["THEME"])
    env.install_gettext_translations(
        load_translations(theme, ui_lang(generator.settings)), newstyle=True
    )


def extract_messages(theme: Path) -> Catalog:
    """Every message the theme's templates use, as a template catalogue."""
    catalogue = Catalog(
        domain=DOMAIN,
        project="Chronique",
        charset="utf-8",
        msgid_bugs_address="",
        last_translator="Chronique",
        language_team="Chronique",
    )
    sources = [
        ("", extract_from_dir(str(theme), METHOD_MAP, OPTIONS_MAP)),
        ("chronique/", extract_from_dir(str(PLUGIN_DIR), PLUGIN_METHOD_MAP)),
    ]
    for prefix, messages in sources:
        for filename, lineno, message, comments, context in messages:
            catalogue.add(
                message,
                None,
                [(prefix + filename, lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalogue


def update_catalogues(theme: Path) -> list[Path]:
    """Merge the templates' current messages into every language's ``.po`` file."""
    template = extract_messages(theme)
    updated = []
    for path in sorted((theme / "translations").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        lang = path.parent.parent.name
        catalogue = read_catalogue(path, lang)
        created = catalogue.creation_date
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.creation_date = created  # the file changes only when its messages do
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=100, omit_header=False, sort_output=True)
        updated.append(path)
    return updated


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "update":
        print("usage: python -m chronique.site.i18n update THEME_DIR", file=sys.stderr)
        return 2
    for path in update_catalogues(Path(argv[1])):
        print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
