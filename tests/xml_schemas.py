"""The OASIS XLIFF schemas in tests/data, loaded offline: their import of xml.xsd (an address on the web) is answered
from the copy beside them, and any other address fails the test rather than reach the network."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

DATA = Path(__file__).parent / "data"


def offline_schema(name: str) -> etree.XMLSchema:
    class Local(etree.Resolver):
        def resolve(self, url, pubid, context):  # noqa: ANN001, ANN201 - lxml's signature
            if url.endswith("xml.xsd"):
                return self.resolve_filename(str(DATA / "xml.xsd"), context)
            if url.startswith(("http:", "https:", "ftp:")):
                raise AssertionError(f"the schema asked the network for {url}")
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(Local())
    return etree.XMLSchema(etree.parse(str(DATA / name), parser))
