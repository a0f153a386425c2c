"""Writes a CSV of N synthetic businesses for the import benchmark (grids of the benchmark tree,
valid credit codes, all fictional): python3 bench/businesses-csv.py N > file.csv"""
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def main(count: int) -> None:
    out = sys.stdout
    out.write("\ufeffname,creditCode,category,gridCode,address,contactPhone\n")
    categories = ["caterer", "retailer", "smallEatery", "smallGrocery", "producer", "canteen"]
    for i in range(count):
        # Grids of the benchmark tree: prefecture 2290, county 229001, townships 001-015, villages 001-015, grid 001.
        grid = f"229001{i % 15 + 1:03d}{(i // 15) % 15 + 1:03d}001"
        code = credit_code(f"9122{i % 10000:04d}MB{i:07d}")
        out.write(f"导入基准店{i},{code},{categories[i % len(categories)]},{grid},导入测试路{i}号,1390433{i % 10000:04d}\n")


if __name__ == "__main__":
    main(int(sys.argv[1]))
