"""The public addresses of the site (readers bookmark them): one contract, checked whole."""

from manual import addresses
from manual.addresses import page_address


def test_every_public_address():
    for prefix, lang in (("", "en"), ("ro/", "ro"), ("ar/", "ar")):
        # Pages, with directory URLs (the site) and without (the offline edition).
        assert page_address("index.md", prefix, True) == prefix
        assert page_address("index.md", prefix, False) == prefix + "index.html"
        assert page_address("02-safety/index.md", prefix, True) == f"{prefix}02-safety/"
        assert page_address("02-safety/index.md", prefix, False) == f"{prefix}02-safety/index.html"
        assert page_address("02-safety/plan.md", prefix, True) == f"{prefix}02-safety/plan/"
        assert page_address("02-safety/plan.md", prefix, False) == f"{prefix}02-safety/plan.html"
        page = addresses.document_page("checklists", "initial-contact")
        assert page == "checklists/initial-contact.md"
        assert page_address(page, prefix, True) == f"{prefix}checklists/initial-contact/"
        downloads = page_address(addresses.DOWNLOADS, prefix, True)
        assert downloads == f"{prefix}downloads/"
        assert page_address(addresses.DOWNLOADS, prefix, False) == f"{prefix}downloads.html"
        # PDFs and the offline edition: under the language's code, English included.
        assert addresses.manual_pdf(lang) == f"pdf/{lang}/manual.pdf"
        assert addresses.chapter_pdf(lang, "safety") == f"pdf/{lang}/chapters/safety.pdf"
        assert (
            addresses.document_pdf(lang, "checklists", "initial-contact")
            == f"pdf/{lang}/checklists/initial-contact.pdf"
        )
        assert (
            addresses.document_pdf(lang, "forms", "informed-consent")
            == f"pdf/{lang}/forms/informed-consent.pdf"
        )
        assert addresses.offline_zip(lang) == f"offline/manual-{lang}.zip"
        # Linked from the Downloads page of the language.
        assert (
            addresses.relative_url(addresses.manual_pdf(lang), downloads)
            == ("../" * downloads.count("/")) + f"pdf/{lang}/manual.pdf"
        )
