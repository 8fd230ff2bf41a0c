import Testing
@testable import ScreenKit

struct DisplayWidthTests {
    @Test func cjkIsTwoColumnsLatinOne() {
        #expect(DisplayWidth.of("中") as Int == 2)
        #expect("张三".displayWidth == 4)
        #expect("粤B12345".displayWidth == 8)
        #expect("ＡＢ".displayWidth == 4) // full-width Latin
        #expect("カナ한글".displayWidth == 8)
        #expect("abc".displayWidth == 3)
        #expect("".displayWidth == 0)
    }

    @Test func combiningMarksTakeNoColumn() {
        let decomposed = "e\u{301}" // é as e + combining acute: one Character
        #expect(decomposed.count == 1)
        #expect(decomposed.displayWidth == 1)
        #expect("Cafe\u{301}".displayWidth == 4)
        // Hangul built from conjoining jamo is one wide syllable.
        #expect("\u{1100}\u{1161}\u{11A8}".displayWidth == 2)
    }

    @Test func emojiWidths() {
        #expect("😀".displayWidth == 2)
        #expect("🚗".displayWidth == 2)
        // VS16 is dropped: the base's own width counts (ncurses never widens for it).
        #expect("❤️".displayWidth == 1)
        #expect(DisplayWidth.glyphs(of: "❤️") == [.init(text: "❤", width: 1)])
        #expect("⌚︎".displayWidth == 2) // VS15 after a wide emoji: still the base's width
        // Skin-tone modifier joins without a joiner in terminals: dropped, base stays.
        #expect(DisplayWidth.glyphs(of: "👍🏽") == [.init(text: "👍", width: 2)])
        // A ZWJ sequence is drawn as its first emoji, in one wide cell: never as four.
        let family: Character = "👨‍👩‍👧"
        #expect(DisplayWidth.glyphs(of: family) == [.init(text: "👨", width: 2)])
        #expect(DisplayWidth.of(family) == 2)
        #expect(DisplayWidth.glyphs(of: "👨‍👩‍👧‍👦") == [.init(text: "👨", width: 2)])
        // Skin tones on the parts and a joined pictograph's own selector go too.
        #expect(DisplayWidth.glyphs(of: "👩🏽\u{200D}💻") == [.init(text: "👩", width: 2)])
        #expect(DisplayWidth.glyphs(of: "👨🏻\u{200D}🤝\u{200D}👨🏿") == [.init(text: "👨", width: 2)])
        #expect(DisplayWidth.glyphs(of: "🏳️‍🌈").map(\.text) == ["🏳"])
        #expect("王👩‍👩‍👦‍👦芳".displayWidth == 6)
        // A flag is two regional indicators of one column each.
        #expect(DisplayWidth.glyphs(of: "🇨🇳") == [.init(text: "🇨", width: 1), .init(text: "🇳", width: 1)])
        #expect("🇨🇳".displayWidth == 2)
        // A lone modifier is an emoji of its own.
        #expect("🏽".displayWidth == 2)
    }

    @Test func scalarsUnknownToTheCLibraryAreReplaced() {
        // U+1FAE8 SHAKING FACE is Unicode 15; glibc 2.36 (Unicode 14) cannot measure it.
        #expect(DisplayWidth.wcwidth("\u{1FAE8}") == -1)
        #expect(DisplayWidth.glyphs(of: "\u{1FAE8}") == [.init(text: "\u{FFFD}", width: 1)])
        #expect(DisplayWidth.of("\u{E0FFF}" as Unicode.Scalar) == 1) // unassigned
        #expect(DisplayWidth.glyphs(of: "\u{378}") == [.init(text: "\u{FFFD}", width: 1)])
    }

    @Test func glyphsNeverHoldMoreThanFiveScalars() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 12)
        let glyphs = DisplayWidth.glyphs(of: Character(zalgo))
        #expect(glyphs.count == 1)
        #expect(glyphs[0].text.unicodeScalars.count == DisplayWidth.maxScalarsPerGlyph)
        #expect(glyphs[0].width == 1)
    }

    @Test func controlsAndInvisibleFormatCharactersHaveNoGlyph() {
        #expect(DisplayWidth.glyphs(of: "\u{7}").isEmpty)
        #expect(DisplayWidth.glyphs(of: "\u{200B}").isEmpty) // zero width space
        #expect(DisplayWidth.glyphs(of: "\u{FEFF}").isEmpty)
        #expect(DisplayWidth.of("\u{1B}" as Unicode.Scalar) == 0)
    }

    @Test func bmpLookupAgreesWithRangeSearch() {
        for v in stride(from: 0, to: 0x10000, by: 7) where !(0xD800...0xDFFF).contains(v) {
            #expect(DisplayWidth.widthClass(UInt32(v)) == DisplayWidth.searchRuns(UInt32(v)))
        }
        #expect(DisplayWidth.widthClass(0x20000) == 2) // CJK extension B
        #expect(DisplayWidth.widthClass(0x10FFFF) == 3)
    }
}
