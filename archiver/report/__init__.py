"""The archive described for people: its figures, a plain-text summary (``archiver stats``),
an HTML report with charts, a README card."""
