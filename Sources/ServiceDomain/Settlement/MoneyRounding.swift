import Foundation

/// The one rounding rule of every bill: to the fen, half up (away from zero), on exact integer arithmetic.
/// Hours × rate and quantity × unit price are the only products on a bill; both pass through here.
public enum MoneyRounding {
    /// `numerator / denominator` fen rounded to the nearest fen, halves away from zero (¥0.005 → ¥0.01).
    public static func halfUp(_ numerator: Int64, over denominator: Int64) -> Fen {
        precondition(denominator > 0, "a rounding denominator is positive")
        let q = numerator / denominator
        let r = numerator % denominator
        // |r| * 2 >= denominator means at or past the half: move one fen away from zero.
        if r.magnitude * 2 >= denominator.magnitude { return Fen(q + (numerator < 0 ? -1 : 1)) }
        return Fen(q)
    }

    /// A price per unit times a quantity in hundredths (1.5 L is 150): `unit × hundredths / 100`, half up.
    public static func amount(unit: Fen, hundredths: Int64) -> Fen {
        halfUp(unit.value * hundredths, over: 100)
    }

    /// A share of an amount in basis points (5% is 500), half up: the discount limits use it.
    public static func share(of amount: Fen, basisPoints: Int64) -> Fen {
        halfUp(amount.value * basisPoints, over: 10_000)
    }
}

/// Quantities and hours with two decimals, kept as integer hundredths (`1.50` is 150).
public enum Hundredths {
    /// `1.5`, `2`, `0.25` (half-width or full-width digits). Nil when not a non-negative number with at most
    /// two decimals.
    public static func parse(_ text: String) -> Int64? {
        let t = TextFolding.halfWidth(text).trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9,
              parts[0].allSatisfy(TextFolding.isASCIIDigit) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy(TextFolding.isASCIIDigit), parts.count == 1 || !fraction.isEmpty
        else { return nil }
        while fraction.count < 2 { fraction += "0" }
        return Int64(parts[0])! * 100 + Int64(fraction)!
    }

    /// `1.5` → "1.50"; whole numbers keep their decimals so columns line up.
    public static func text(_ value: Int64) -> String {
        let m = value.magnitude
        let f = m % 100
        return (value < 0 ? "-" : "") + "\(m / 100)." + (f < 10 ? "0\(f)" : "\(f)")
    }

    /// The stored `Double` hours of a work line as hundredths (1.5 h → 150).
    public static func fromHours(_ hours: Double) -> Int64 { Int64((hours * 100).rounded()) }
}
