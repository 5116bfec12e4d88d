"""The linear programme around one linearisation point (optimise_levers_lp.py), in
scipy/HiGHS form: place-wide lever shares s[l, y], per-zone shares x[k, z, y] of the zone
levers (ZONE_LEVERS: heat pumps, ground solar, onshore wind) and network reinforcement
R[g, y] of each primary-substation group.

Rows: targets (and a carbon budget) on the linearised emissions; per lever, no going back and
the build rate (a zone lever's build rate is on its place-wide share, sum_z w[k, z] x[k, z,
y]); per group and year, the linearised peak within capacity plus reinforcement, where a
zone lever enters only through the zones of the group. Bounds: 0 to the lever's potential
(times acceptance, per zone for zone levers), within the trust region around the point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from .optimise_levers import PLAN_LEVERS, ZONE_LEVERS, Costs, Linearisation


@dataclass(frozen=True)
class Answer:
    shares: np.ndarray  # [L, Y] (zone levers: their place-wide equivalent)
    zone_shares: np.ndarray  # [K, Z, Y]
    reinforcement_kw: np.ndarray  # [G, Y]
    predicted_tco2e: np.ndarray  # [Y]
    cost_gbp: float


class _Rows:
    def __init__(self) -> None:
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.vals: list[np.ndarray] = []
        self.upper: list[float] = []

    def add(self, cols, vals, bound: float) -> None:
        cols, vals = np.asarray(cols, dtype=int), np.asarray(vals, dtype=float)
        keep = vals != 0
        self.rows.append(np.full(int(keep.sum()), len(self.upper)))
        self.cols.append(cols[keep])
        self.vals.append(vals[keep])
        self.upper.append(float(bound))

    def add_many(self, cols: np.ndarray, vals: np.ndarray, bounds: np.ndarray) -> None:
        """Rows of equal length at once: cols and vals [n, m], bounds [n]."""
        first = len(self.upper)
        self.rows.append(np.repeat(np.arange(first, first + len(bounds)), cols.shape[1]))
        self.cols.append(cols.ravel())
        self.vals.append(vals.ravel())
        self.upper.extend(float(b) for b in bounds)


class Programme:
    def __init__(
        self,
        point: Linearisation,
        targets: dict[int, float],
        costs: Costs,
        discount: np.ndarray,
        rates: np.ndarray,
        caps: np.ndarray,
        zone_caps: np.ndarray,
        weights: np.ndarray,
        rho: float,
        capacity: np.ndarray,
        group_index: np.ndarray,
        radius: float,
        budget: float | None = None,
    ) -> None:
        self.point = point
        n_y = point.shares.shape[1]
        k_n, n_z = len(ZONE_LEVERS), len(group_index)
        n_g = point.peak_kw.shape[0]
        free = n_y - 1
        place = [i for i, lever in enumerate(PLAN_LEVERS) if lever not in ZONE_LEVERS]
        self.place, self.n_y, self.n_g, self.n_z, self.free = place, n_y, n_g, n_z, free
        n_s, n_x, n_r = len(place) * free, k_n * n_z * free, n_g * free
        self.n_s, self.n_x = n_s, n_x
        s_col = np.arange(n_s).reshape(len(place), free)  # [P, Y-1]
        x_col = n_s + np.arange(n_x).reshape(k_n, n_z, free)  # [K, Z, Y-1]
        r_col = n_s + n_x + np.arange(n_r).reshape(n_g, free)  # [G, Y-1]
        self.s_col, self.x_col = s_col, x_col
        d = discount[1:]
        nxt = np.append(discount[2:], 0.0)
        cost = np.zeros(n_s + n_x + n_r)
        cost[s_col] = (d - nxt)[None] * costs.capital[place][:, None] + d[None] * costs.running[
            place
        ][:, 1:]
        cost[x_col] = (d - nxt)[None, None] * costs.zone_capital[:, :, None] + (
            d[None, None] * costs.zone_running[:, :, 1:]
        )
        cost[r_col] = (d - nxt)[None] * rho
        rows = _Rows()
        s0 = point.shares[place][:, 1:]  # [P, Y-1]
        x0 = point.zone_shares[:, :, 1:]  # [K, Z, Y-1]
        e_slope = point.emissions_slope[place][:, 1:]
        z_slope = point.zone_emissions_slope[:, :, 1:]
        years = point.evaluation.results.years
        for year, target in targets.items():
            y = int(np.flatnonzero(years == year)[0]) - 1
            rows.add(
                np.concatenate([s_col[:, y], x_col[:, :, y].ravel()]),
                np.concatenate([e_slope[:, y], z_slope[:, :, y].ravel()]),
                target - point.emissions_tco2e[y + 1]
                + float(e_slope[:, y] @ s0[:, y] + (z_slope[:, :, y] * x0[:, :, y]).sum()),
            )  # fmt: skip
        if budget is not None:  # Σ_y E_y over the years after the base year
            rows.add(
                np.concatenate([s_col.ravel(), x_col.ravel()]),
                np.concatenate([e_slope.ravel(), z_slope.ravel()]),
                budget - float(point.emissions_tco2e[1:].sum())
                + float((e_slope * s0).sum() + (z_slope * x0).sum()),
            )  # fmt: skip
        for p, lever_index in enumerate(place):
            rows.add([s_col[p, 0]], [1.0], rates[lever_index])
            for y in range(1, free):
                rows.add([s_col[p, y - 1], s_col[p, y]], [1.0, -1.0], 0.0)
                rows.add([s_col[p, y], s_col[p, y - 1]], [1.0, -1.0], rates[lever_index])
        self._zone_rows(rows, weights, rates)
        self._headroom_rows(rows, point, place, capacity, group_index, r_col, s0, x0)
        self.matrix = sparse.csr_matrix(
            (np.concatenate(rows.vals), (np.concatenate(rows.rows), np.concatenate(rows.cols))),
            shape=(len(rows.upper), len(cost)),
        )
        self.upper = np.array(rows.upper)
        self.cost = cost
        lower = np.zeros(len(cost))
        high = np.full(len(cost), np.inf)
        place_caps = caps[place][:, None]
        lower[s_col] = np.maximum(0.0, s0 - radius * place_caps)
        high[s_col] = np.minimum(place_caps, s0 + radius * place_caps)
        zc = zone_caps[:, :, None]  # [K, Z, 1]
        lower[x_col] = np.minimum(np.maximum(0.0, x0 - radius * zc), zc)
        high[x_col] = np.minimum(zc, x0 + radius * np.maximum(zc, 1e-12))
        self.bounds = np.column_stack([lower, high])
        self.size = (len(cost), len(rows.upper))
        self.weights = weights

    def _zone_rows(self, rows: _Rows, weights: np.ndarray, rates: np.ndarray) -> None:
        """Per zone, no going back; per zone lever, the build rate on its place share."""
        x_col, free = self.x_col, self.free
        for k, lever in enumerate(ZONE_LEVERS):
            rate = rates[PLAN_LEVERS.index(lever)]
            live = np.flatnonzero(weights[k] > 0)
            if free > 1 and len(live):
                before = x_col[k, live, :-1].ravel()
                after = x_col[k, live, 1:].ravel()
                rows.add_many(
                    np.column_stack([before, after]),
                    np.tile([1.0, -1.0], (len(before), 1)),
                    np.zeros(len(before)),
                )
            w = weights[k, live]
            rows.add(x_col[k, live, 0], w, rate)
            for y in range(1, free):
                rows.add(
                    np.concatenate([x_col[k, live, y], x_col[k, live, y - 1]]),
                    np.concatenate([w, -w]),
                    rate,
                )

    def _headroom_rows(self, rows, point, place, capacity, group_index, r_col, s0, x0) -> None:
        """Per group and year: linearised peak - R ≤ capacity."""
        p_slope = point.peak_slope[place][:, :, 1:]  # [P, G, Y-1]
        z_peak = point.zone_peak_slope[:, :, 1:]  # [K, Z, Y-1]
        for g in range(self.n_g):
            zones = np.flatnonzero(group_index == g)
            for y in range(self.free):
                zp = z_peak[:, zones, y]
                rows.add(
                    np.concatenate([self.s_col[:, y], self.x_col[:, zones, y].ravel(),
                                    [r_col[g, y]]]),
                    np.concatenate([p_slope[:, g, y], zp.ravel(), [-1.0]]),
                    capacity[g] - point.peak_kw[g, y + 1]
                    + float(p_slope[:, g, y] @ s0[:, y] + (zp * x0[:, zones, y]).sum()),
                )  # fmt: skip
                if y > 0:
                    rows.add([r_col[g, y - 1], r_col[g, y]], [1.0, -1.0], 0.0)

    def solve(self) -> Answer | None:
        result = linprog(
            self.cost, A_ub=self.matrix, b_ub=self.upper, bounds=self.bounds, method="highs"
        )
        if result.status != 0:
            return None
        x = result.x
        p = self.point
        n_l, n_y = p.shares.shape
        shares = np.zeros((n_l, n_y))
        shares[self.place, 1:] = x[self.s_col]
        zone_shares = np.zeros_like(p.zone_shares)
        zone_shares[:, :, 1:] = x[self.x_col]
        for k, lever in enumerate(ZONE_LEVERS):
            shares[PLAN_LEVERS.index(lever)] = self.weights[k] @ zone_shares[k]
        reinforcement = np.zeros((self.n_g, n_y))
        reinforcement[:, 1:] = x[self.n_s + self.n_x :].reshape(self.n_g, self.free)
        predicted = (
            p.emissions_tco2e
            + (p.emissions_slope * (shares - p.shares))[self.place].sum(axis=0)
            + (p.zone_emissions_slope * (zone_shares - p.zone_shares)).sum(axis=(0, 1))
        )
        return Answer(shares, zone_shares, reinforcement, predicted, float(result.fun))
