"""The archive described for people: its figures, an HTML report with charts, a README card."""
