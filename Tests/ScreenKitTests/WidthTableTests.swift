#if canImport(Glibc)
import Glibc
import Testing
@testable import ScreenKit

/// ScreenKit's width table must agree with the C library's `wcwidth`, which is what ncurses uses to
/// move its cursor. These tests pin the C.UTF-8 locale (all glibc UTF-8 locales share one width table).
@Suite(.serialized)
struct WidthTableTests {
    private typealias WcwidthFunction = @convention(c) (Int32) -> Int32

    /// `wcwidth` is not visible to Swift through Glibc's module map (it needs _XOPEN_SOURCE), so look it up.
    private static func cWcwidth() throws -> WcwidthFunction {
        let handle = try #require(dlopen(nil, RTLD_NOW))
        let symbol = try #require(dlsym(handle, "wcwidth"))
        return unsafeBitCast(symbol, to: WcwidthFunction.self)
    }

    private static func glibcVersion() -> String {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "gnu_get_libc_version") else { return "?" }
        typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>
        return String(cString: unsafeBitCast(symbol, to: VersionFunction.self)())
    }

    private static func useUTF8Locale() throws {
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil, "the C.UTF-8 locale is needed for this test")
    }

    /// Scalars checked: the BMP, the emoji/symbol plane (1), the CJK planes (2, 3) and plane 14.
    private static let checkedScalars: [ClosedRange<UInt32>] = [0...0xD7FF, 0xE000...0x3FFFF, 0xE0000...0xEFFFF]

    @Test func tableIsTheCLibraryWcwidth() throws {
        try Self.useUTF8Locale()
        let wcwidth = try Self.cWcwidth()
        var mismatches: [String] = []
        for range in Self.checkedScalars {
            for v in range {
                let scalar = Unicode.Scalar(v)!
                let expected = Int(wcwidth(Int32(v)))
                if DisplayWidth.wcwidth(scalar) != expected {
                    mismatches.append(describe(v, expected, DisplayWidth.wcwidth(scalar)))
                }
            }
        }
        #expect(mismatches.isEmpty, """
            ScreenKit's width table differs from this C library (glibc \(Self.glibcVersion())) for \
            \(mismatches.count) scalars, e.g. \(mismatches.prefix(8)). Regenerate it: \
            REGENERATE_WIDTH_TABLE=1 swift test --filter regenerateWidthTable
            """)
    }

    /// `DisplayWidth.of(scalar)` is wcwidth for every assigned scalar except the documented cases:
    /// controls count 0 (they are sanitized away), and scalars newer than the C library's Unicode
    /// version count 1 because they are drawn as U+FFFD (ncurses cannot measure them).
    @Test func displayWidthDiffersFromWcwidthOnlyWhereDocumented() throws {
        try Self.useUTF8Locale()
        let wcwidth = try Self.cWcwidth()
        // The newest Unicode version among the scalars the C library can measure.
        var known = (major: 0, minor: 0)
        for range in Self.checkedScalars {
            for v in range where wcwidth(Int32(v)) >= 0 {
                if let age = Unicode.Scalar(v)!.properties.age, (age.major, age.minor) > known { known = age }
            }
        }
        var undocumented: [String] = []
        for range in Self.checkedScalars {
            for v in range {
                let scalar = Unicode.Scalar(v)!
                let category = scalar.properties.generalCategory
                guard category != .unassigned else { continue }
                let c = Int(wcwidth(Int32(v)))
                let ours = DisplayWidth.of(scalar)
                if c == ours { continue }
                if c == -1, category == .control, ours == 0 { continue }
                let isNewer = scalar.properties.age.map { ($0.major, $0.minor) > known } ?? false
                // Line and paragraph separators: never drawn, `TerminalText.sanitize` removes them.
                let isSeparator = category == .lineSeparator || category == .paragraphSeparator
                if c == -1, ours == 1, isNewer || isSeparator,
                   DisplayWidth.glyphs(of: Character(scalar)) == [.init(text: "\u{FFFD}", width: 1)] {
                    continue
                }
                undocumented.append(describe(v, c, ours))
            }
        }
        #expect(undocumented.isEmpty, "undocumented width differences: \(undocumented.count), e.g. \(undocumented.prefix(10))")
        #expect(known >= (14, 0), "this C library knows Unicode \(known.major).\(known.minor)")
    }

    @Test func spotChecksAgainstWcwidth() throws {
        try Self.useUTF8Locale()
        let wcwidth = try Self.cWcwidth()
        for (scalar, columns) in [("中", 2), ("한", 2), ("あ", 2), ("Ａ", 2), ("a", 1), ("é", 1), ("\u{301}", 0),
                                  ("😀", 2), ("☃", 1), ("─", 1), ("…", 1), ("\u{200B}", 0)] as [(Unicode.Scalar, Int)] {
            #expect(Int(wcwidth(Int32(scalar.value))) == columns, "wcwidth(\(scalar))")
            #expect(DisplayWidth.of(scalar) == columns, "DisplayWidth.of(\(scalar))")
        }
    }

    /// Writes Sources/ScreenKit/Text/WidthTable.swift from this system's wcwidth. Run on the target system
    /// after a C library upgrade: REGENERATE_WIDTH_TABLE=1 swift test --filter regenerateWidthTable
    @Test(.enabled(if: getenv("REGENERATE_WIDTH_TABLE") != nil))
    func regenerateWidthTable() throws {
        try Self.useUTF8Locale()
        let wcwidth = try Self.cWcwidth()
        var entries: [UInt32] = []
        var previous: UInt32?
        for v: UInt32 in 0...0x10FFFF {
            let w = (0xD800...0xDFFF).contains(v) ? -1 : wcwidth(Int32(v))
            let widthClass: UInt32 = w < 0 ? 3 : UInt32(min(w, 2))
            if widthClass != previous {
                entries.append(v << 2 | widthClass)
                previous = widthClass
            }
        }
        var lines = [
            "// Generated from the C library's wcwidth in the C.UTF-8 locale (glibc \(Self.glibcVersion())) by the",
            "// `regenerateWidthTable` test in Tests/ScreenKitTests/WidthTableTests.swift. Do not edit by hand:",
            "// run `REGENERATE_WIDTH_TABLE=1 swift test --filter regenerateWidthTable` on the target system instead.",
            "",
            "extension DisplayWidth {",
            "    /// Runs of scalars with one wcwidth, sorted. Each entry is `firstScalar << 2 | widthClass`, where the",
            "    /// class is 0, 1 or 2 columns, or 3 when wcwidth returns -1 (control, unassigned, not printable).",
            "    /// A run lasts until the next entry's first scalar; the last one runs to U+10FFFF.",
            "    static let widthRuns: [UInt32] = [",
        ]
        for start in stride(from: 0, to: entries.count, by: 6) {
            let chunk = entries[start..<min(start + 6, entries.count)].map { hex8($0) }
            lines.append("        " + chunk.joined(separator: ", ") + ",")
        }
        lines += ["    ]", "}", ""]
        let path = String(#filePath.prefix(upTo: #filePath.firstRange(of: "Tests/ScreenKitTests/")!.lowerBound))
            + "Sources/ScreenKit/Text/WidthTable.swift"
        let file = try #require(fopen(path, "w"), "cannot write \(path)")
        defer { fclose(file) }
        fputs(lines.joined(separator: "\n"), file)
    }
}

private func hex8(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

private func describe(_ v: UInt32, _ c: Int, _ ours: Int) -> String {
    "U+\(String(v, radix: 16, uppercase: true)) wcwidth \(c) ours \(ours)"
}
#endif
