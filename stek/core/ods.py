"""A one-sheet OpenDocument spreadsheet (ODS) with odfpy, for exports: opens in LibreOffice and
Excel."""

import io

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P


def _cell(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell = TableCell(valuetype="float", value=value)
    else:
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell


def write_ods(name, header, rows):
    document = OpenDocumentSpreadsheet()
    table = Table(name=name)
    for values in [header, *rows]:
        row = TableRow()
        for value in values:
            row.addElement(_cell(value))
        table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()
