"""The conference over the classroom network: ``table`` (a team's screen and the projector,
drawing the views a host sends), ``windows`` (the windows of `plenipo host` and `plenipo join`)
and ``script`` (UI scripts run on those networked windows)."""
