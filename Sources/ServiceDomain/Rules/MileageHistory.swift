import Foundation

/// A car's odometer readings over the years, as an old system kept them (typos included).
public enum MileageHistory {
    /// The positions of a longest run of readings that never goes down, taken in time order: the fewest
    /// readings to distrust so the rest make sense. A typed-in spike (45,000 between 12,000 and 14,000)
    /// or a dropped digit (1,300 between 12,000 and 14,000) is left out; so is the shorter side of an
    /// odometer that was replaced. Ties go to the earliest readings.
    public static func longestRising(_ km: [Int]) -> Set<Int> {
        guard !km.isEmpty else { return [] }
        // Patience sorting: tails[k] is the index ending the best run of length k + 1 found so far.
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: km.count)
        for (i, value) in km.enumerated() {
            // The first run whose last value is above `value` (non-decreasing runs: equal values extend).
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if km[tails[mid]] <= value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[i] = tails[low - 1] }
            if low == tails.count { tails.append(i) } else { tails[low] = i }
        }
        var kept: Set<Int> = []
        var i = tails.last!
        while i >= 0 {
            kept.insert(i)
            i = previous[i]
        }
        return kept
    }
}
