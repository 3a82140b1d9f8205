"""The model: capture, matching, records, policy and a year at the port. No pygame here."""
