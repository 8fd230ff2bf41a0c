import Testing
import ScreenKit
@testable import NCursesBackend

@Suite struct GlyphPlanTests {
    /// wcwidth as glibc answers in C.UTF-8 for the characters used here.
    private static func cWidth(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x300...0x36F, 0xFE0F: return 0
        case 0x4E00...0x9FFF, 0x1F697: return 2
        case 0..<0x20: return -1
        default: return 1
        }
    }

    private func glyphs(_ cell: Cell, room: Int = 10, ascii: Bool = false,
                        wcwidth: (UInt32) -> Int = GlyphPlanTests.cWidth) -> [Glyph] {
        GlyphPlan.glyphs(for: cell, room: room, asciiOnly: ascii, wcwidth: wcwidth)
    }

    @Test func narrowAndWideCharactersPassThrough() {
        #expect(glyphs(Cell("a")) == [Glyph(scalars: [0x61], columns: 1)])
        #expect(glyphs(Cell("京", width: 2)) == [Glyph(scalars: [0x4EAC], columns: 2)])
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(glyphs(Cell("e\u{301}")) == [Glyph(scalars: [0x65, 0x301], columns: 1)])
        // A lone combining mark gets a space to sit on.
        #expect(glyphs(Cell("\u{301}")) == [Glyph(scalars: [0x20, 0x301], columns: 1)])
    }

    @Test func wideGlyphThatDoesNotFitBecomesASpace() {
        #expect(glyphs(Cell("京", width: 2), room: 1) == [.space])
    }

    @Test func widthDisagreementsKeepTheColumns() {
        // ScreenKit says 2 but the C library says 1: pad so the next cell stays where it was laid out.
        #expect(glyphs(Cell("\u{2614}", width: 2), wcwidth: { _ in 1 }) == [Glyph(scalars: [0x2614], columns: 1), .space])
        // ScreenKit says 1 but the C library says 2: the glyph would shift the row, so show '?'.
        #expect(glyphs(Cell("\u{2614}"), wcwidth: { _ in 2 }) == [.ascii("?")])
        // Not printable in this locale.
        #expect(glyphs(Cell("京", width: 2), wcwidth: { _ in -1 }) == [.ascii("?"), .ascii("?")])
    }

    @Test func zeroWidthJoinerSequencesShowTheirFirstPart() {
        let family = Cell("🚗\u{200D}🚗", width: 2)
        #expect(glyphs(family) == [Glyph(scalars: [0x1F697], columns: 2)])
    }

    @Test func asciiModeReplacesBoxDrawingAndWideText() {
        #expect(glyphs(Cell("─"), ascii: true) == [.ascii("-")])
        #expect(glyphs(Cell("│"), ascii: true) == [.ascii("|")])
        #expect(glyphs(Cell("┌"), ascii: true) == [.ascii("+")])
        #expect(glyphs(Cell("╯"), ascii: true) == [.ascii("+")])
        #expect(glyphs(Cell("█"), ascii: true) == [.ascii("#")])
        #expect(glyphs(Cell("京", width: 2), ascii: true) == [.ascii("?"), .ascii("?")])
        #expect(glyphs(Cell("e\u{301}"), ascii: true) == [.ascii("e")])
        #expect(glyphs(Cell("x"), ascii: true) == [.ascii("x")])
    }

    @Test func emptyGraphemeIsBlank() {
        #expect(glyphs(Cell("")) == [.space])
        #expect(glyphs(Cell("", width: 2)) == [.space, .space])
    }
}
