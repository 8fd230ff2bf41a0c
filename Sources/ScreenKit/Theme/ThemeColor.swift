/// How many colors the terminal can show; a theme resolves each role for one depth.
public enum ColorDepth: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No colors (or NO_COLOR): only attributes such as bold and reverse.
    case mono
    /// The eight ANSI colors (bright variants where the terminal has 16).
    case colors8
    /// The xterm 256-color palette.
    case colors256
    /// 24-bit RGB.
    case truecolor

    public var description: String { rawValue }
}

/// One color setting of a theme role, with an alternative per depth (`#ffd75f/221/yellow`).
/// Missing alternatives are derived from the others, so `fg=#ffd75f` alone works everywhere.
public struct ThemeColor: Sendable, Hashable {
    /// 24-bit value for truecolor terminals.
    public var rgb: RGB?
    /// 0–255 xterm palette index.
    public var index256: Int?
    /// An ANSI color (0–15) or the terminal's default, for 8/16-color terminals.
    public var basic: TerminalColor?

    public init(rgb: RGB? = nil, index256: Int? = nil, basic: TerminalColor? = nil) {
        self.rgb = rgb
        self.index256 = index256
        self.basic = basic
    }

    /// The terminal's own foreground or background.
    public static let terminalDefault = ThemeColor(basic: .default)

    /// The color to send at `depth` (never called for `.mono`, where colors are dropped).
    public func resolved(for depth: ColorDepth) -> TerminalColor {
        switch depth {
        case .mono:
            return .default
        case .truecolor:
            if let rgb { return .rgb(rgb.red, rgb.green, rgb.blue) }
            if let index256 { return .indexed(index256) }
            return basic ?? .default
        case .colors256:
            if let index256 { return .indexed(index256) }
            if let rgb { return .indexed(ColorApproximation.nearest256(rgb)) }
            return basic ?? .default
        case .colors8:
            if let basic { return basic }
            if let index256 {
                if index256 < 16 { return .ansi(index256) }
                return .ansi(ColorApproximation.nearestANSI(ColorApproximation.rgb(ofIndex: index256)))
            }
            if let rgb { return .ansi(ColorApproximation.nearestANSI(rgb)) }
            return .default
        }
    }
}

public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }
    public var description: String {
        "#" + [red, green, blue].map { v in
            let s = String(v, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}

/// Maps colors between depths. The 256-color palette is xterm's: 16 terminal-defined colors,
/// a 6x6x6 cube (levels 0, 95, 135, 175, 215, 255) and a 24-step gray ramp (8, 18, … 238).
public enum ColorApproximation {
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// xterm's default values for the 16 ANSI colors (terminals differ; used only for approximations).
    static let ansiRGB: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The closest entry of the cube or gray ramp (16–255). Indices 0–15 are never chosen because
    /// each terminal defines them differently.
    public static func nearest256(_ c: RGB) -> Int {
        let r = Int(c.red), g = Int(c.green), b = Int(c.blue)
        let ri = nearestCubeStep(r), gi = nearestCubeStep(g), bi = nearestCubeStep(b)
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let cube = RGB(UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi]))

        let average = (r + g + b) / 3
        let grayStep = min(23, max(0, (average - 3) / 10))
        let grayLevel = 8 + 10 * grayStep
        let gray = RGB(UInt8(grayLevel), UInt8(grayLevel), UInt8(grayLevel))

        return distance(c, gray) < distance(c, cube) ? 232 + grayStep : cubeIndex
    }

    /// The closest of the eight basic ANSI colors (0–7). Grays go to black or white by brightness:
    /// by distance alone a mid gray would land on cyan or green.
    public static func nearestANSI(_ c: RGB) -> Int {
        let r = Int(c.red), g = Int(c.green), b = Int(c.blue)
        if max(r, g, b) - min(r, g, b) < 48 {
            return (299 * r + 587 * g + 114 * b) / 1000 < 96 ? 0 : 7
        }
        var best = 0
        var bestDistance = Int.max
        for (i, candidate) in ansiRGB.prefix(8).enumerated() {
            let dr = r - Int(candidate.red), dg = g - Int(candidate.green), db = b - Int(candidate.blue)
            let d = dr * dr + dg * dg + db * db
            if d < bestDistance {
                best = i
                bestDistance = d
            }
        }
        return best
    }

    /// The RGB value of a 256-palette index (xterm defaults for 0–15).
    public static func rgb(ofIndex index: Int) -> RGB {
        let i = min(255, max(0, index))
        if i < 16 { return ansiRGB[i] }
        if i >= 232 {
            let level = UInt8(8 + 10 * (i - 232))
            return RGB(level, level, level)
        }
        let n = i - 16
        return RGB(UInt8(cubeLevels[n / 36]), UInt8(cubeLevels[(n / 6) % 6]), UInt8(cubeLevels[n % 6]))
    }

    static func nearestCubeStep(_ v: Int) -> Int {
        if v < 48 { return 0 }
        if v < 115 { return 1 }
        return min(5, (v - 35) / 40)
    }

    /// Squared distance weighted toward green, as the eye is (a cheap "redmean"-free approximation).
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
