"""One distance function for every stage."""

from eventwire.geo import distance_km, points_km


def test_great_circle_distance() -> None:
    # Paris - London is about 344 km; a point is 0 km from itself; antipodes ~20,015 km
    assert 340 < distance_km(48.8566, 2.3522, 51.5074, -0.1278) < 348
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert 20_000 < distance_km(0.0, 0.0, 0.0, 180.0) < 20_040


def test_points_without_coordinates_have_no_distance() -> None:
    assert points_km({"lat": 1.0, "lon": 1.0}, {"lat": None, "lon": 2.0}) is None
    assert points_km({"lat": 0.0, "lon": 0.0}, {"lat": 0.0, "lon": 1.0}) == distance_km(0, 0, 0, 1)
