-- Where a notice's text came from: null for a PDF's text layer; for a notice on scanned pages, the OCR engine that
-- read it and the mean probability of its characters on those pages (0..1), so that readers know a number or a date
-- may need checking against the PDF.
alter table notice add column ocr_engine text;
alter table notice add column ocr_confidence real check (ocr_confidence between 0 and 1);
