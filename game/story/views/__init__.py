"""One module per screen: pure functions from the world and the run's state to a `Screen`
(game.story.screen). game/ui lays them out and paints them; nothing here draws or formats pixels."""
