"""Writes a weighbridge CSV export: N tickets over 2025 for 50 clients (C01..C50), standard library only.

About 2 % of loads are industrial waste (refused by the landfill) and 0.5 % carry a refusal reason.
Usage: python3 make_tickets.py OUT.csv N
"""
import random
import sys
from datetime import datetime, timedelta

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(2025)
start = datetime(2025, 1, 1, 6, 0, 0)
seconds = 365 * 24 * 3600
with open(out, "w", newline="") as f:
    f.write("ticket,client,plate,gross_kg,tare_kg,waste_type,weighed_at,operator,refusal_reason\n")
    lines = []
    for i in range(1, n + 1):
        client = rng.randint(1, 50)
        tare = rng.randint(3000, 9000)
        gross = tare + rng.randint(500, 12000)
        r = rng.random()
        waste = "IND" if r < 0.02 else ("PODA" if r < 0.12 else "DOM")
        reason = "Carga mezclada con llantas" if 0.995 < r else ""
        at = start + timedelta(seconds=(i * seconds) // n)
        lines.append(f"B{i:08d},C{client:02d},P-{client:02d}{rng.randint(100, 999)},{gross},{tare},{waste},"
                     f"{at:%Y-%m-%d %H:%M:%S},Operador {1 + i % 4},{reason}\n")
        if len(lines) == 50000:
            f.writelines(lines)
            lines.clear()
    f.writelines(lines)
