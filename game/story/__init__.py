"""Narrative state: where the player is and what they chose. No pygame here."""
