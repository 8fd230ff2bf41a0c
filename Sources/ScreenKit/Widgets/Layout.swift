/// How much of a row or column one part of a split takes.
public enum LayoutConstraint: Sendable, Hashable {
    /// Exactly this many cells.
    case fixed(Int)
    /// This share (0…1) of the whole length, rounded down.
    case fraction(Double)
    /// A share of what the fixed and fractional parts leave, in proportion to the weight.
    case flexible(Int)

    /// A flexible part of weight 1.
    public static let fill = LayoutConstraint.flexible(1)
}

public enum Layout {
    /// Sizes of the parts of `length` cells, with `spacing` cells between neighbours. Fixed parts come
    /// first, then fractions, then flexible parts share the rest. `minimums` are honoured while there is
    /// room: larger parts give way first; when even the minimums do not fit, the last parts get 0.
    /// The sizes plus spacing never exceed `length`.
    public static func sizes(_ constraints: [LayoutConstraint], length: Int, spacing: Int = 0,
                             minimums: [Int] = []) -> [Int] {
        let n = constraints.count
        guard n > 0 else { return [] }
        let available = max(0, length - max(0, spacing) * (n - 1))
        let mins = (0..<n).map { i in i < minimums.count ? max(0, minimums[i]) : 0 }
        var sizes = constraints.map { c -> Int in
            switch c {
            case .fixed(let v): return max(0, v)
            case .fraction(let f): return Int((Double(available) * min(max(f, 0), 1)).rounded(.down))
            case .flexible: return 0
            }
        }
        let weights = constraints.map { c -> Int in
            if case .flexible(let w) = c { return max(0, w) }
            return 0
        }
        let rest = available - sizes.reduce(0, +)
        let totalWeight = weights.reduce(0, +)
        if rest > 0, totalWeight > 0 {
            var given = 0
            for i in 0..<n where weights[i] > 0 {
                let share = rest * weights[i] / totalWeight
                sizes[i] = share
                given += share
            }
            // Hand out what rounding left, one cell each, left to right.
            var leftover = rest - given
            for i in 0..<n where weights[i] > 0 && leftover > 0 {
                sizes[i] += 1
                leftover -= 1
            }
        }
        for i in 0..<n { sizes[i] = max(sizes[i], mins[i]) }

        var over = sizes.reduce(0, +) - available
        while over > 0 {
            // The part with the most room above its minimum gives one cell.
            var best = -1
            var bestSlack = 0
            for i in 0..<n where sizes[i] - mins[i] > bestSlack {
                best = i
                bestSlack = sizes[i] - mins[i]
            }
            guard best >= 0 else { break }
            sizes[best] -= 1
            over -= 1
        }
        var i = n - 1
        while over > 0, i >= 0 {
            let cut = min(sizes[i], over)
            sizes[i] -= cut
            over -= cut
            i -= 1
        }
        return sizes
    }
}

extension Rect {
    /// Side-by-side parts, left to right (see `Layout.sizes`).
    public func splitColumns(_ constraints: [LayoutConstraint], spacing: Int = 0, minimums: [Int] = []) -> [Rect] {
        var cx = x
        return Layout.sizes(constraints, length: width, spacing: spacing, minimums: minimums).map { w in
            defer { cx += w + spacing }
            return Rect(x: cx, y: y, width: w, height: height)
        }
    }

    /// Stacked parts, top to bottom (see `Layout.sizes`).
    public func splitRows(_ constraints: [LayoutConstraint], spacing: Int = 0, minimums: [Int] = []) -> [Rect] {
        var cy = y
        return Layout.sizes(constraints, length: height, spacing: spacing, minimums: minimums).map { h in
            defer { cy += h + spacing }
            return Rect(x: x, y: cy, width: width, height: h)
        }
    }

    /// Cuts `columns` off the right: (rest, right part).
    public func splitRight(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - c, height: height), Rect(x: maxX - c, y: y, width: c, height: height))
    }

    /// The single row `index` rows below the top (empty when outside).
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + max(0, index), width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }
}
