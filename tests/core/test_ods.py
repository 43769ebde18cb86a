"""The one ODS writer: a sheet with the header and rows, numbers as numbers."""

import io
import zipfile

from stek.core.ods import write_ods


def test_a_sheet_with_numbers_as_numbers_and_the_rest_as_text():
    content = write_ods("Bewijs", ["Wat", "Aantal"], [["Huur", 7], ["Energie", None], [True, 2.5]])
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    xml = archive.read("content.xml").decode()
    assert 'table:name="Bewijs"' in xml
    assert xml.count("<table:table-row>") == 3 + 1
    assert 'office:value-type="float" office:value="7"' in xml
    assert 'office:value="2.5"' in xml
    assert xml.count('office:value-type="string"') == 2 + 4  # header; Huur, Energie, None, True
