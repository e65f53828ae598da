#!/bin/sh
# Regenerates the workbook fixtures of the cross-format tests (CrossFormat/SampleCustomersCrossFormatTests.cs) from the sample
# customers file, examples/Customers/clients.csv, with LibreOffice Calc:
#   clients.xls              Excel 97-2003 (BIFF8), read by the XLS reader (ExcelDataReader)
#   clients-libreoffice.xlsx Office Open XML as LibreOffice writes it (shared strings), read by the XLSX reader
# The generated files are committed: the tests and CI never need LibreOffice. Run this only to remake them, e.g. after
# changing clients.csv. Made with LibreOffice 7.4.7.2 (Debian 12: apt-get install --no-install-recommends libreoffice-calc-nogui).
#
# No XLSB: LibreOffice reads XLSB but cannot write it (the "Calc MS Excel 2007 Binary" export fails with an I/O parameter error).
#
# CSV import options (--infilter="CSV:<separator>,<text delimiter>,<character set>,<first line>,<column formats>"):
# 59 = ';', 34 = '"', 1 = Windows-1252 (the sample's encoding), first line 1, and every column as Text (format 2), so that the
# cells hold exactly the CSV's text: SIREN and postal codes keep their leading zeros and spaces, amounts stay "5 000,00",
# nothing is turned into a number or a date by LibreOffice.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
csv="$repo/examples/Customers/clients.csv"
command -v soffice >/dev/null || { echo "soffice (LibreOffice) not found" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
columns=$(head -n 1 "$csv" | tr -cd ';' | wc -c)
columns=$((columns + 1))
formats=$(seq 1 "$columns" | sed 's|$|/2|' | paste -sd/ -)
filter="CSV:59,34,1,1,$formats"

cp "$csv" "$work/clients.csv"
for target in xls xlsx; do
  soffice -env:UserInstallation="file://$work/profile" --headless --infilter="$filter" --convert-to "$target" --outdir "$work/out" "$work/clients.csv"
done

cp "$work/out/clients.xls" "$here/clients.xls"
cp "$work/out/clients.xlsx" "$here/clients-libreoffice.xlsx"
echo "wrote $here/clients.xls and $here/clients-libreoffice.xlsx"
