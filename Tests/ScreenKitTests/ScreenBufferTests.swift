import Testing
import ScreenKit

/// Every wide glyph is followed by its continuation cell and every continuation follows a wide glyph.
func wideGlyphsAreWhole(_ buffer: ScreenBuffer) -> Bool {
    for y in 0..<buffer.size.height {
        for x in 0..<buffer.size.width {
            let cell = buffer[x, y]
            if cell.width == 2 && !cell.isContinuation {
                guard x + 1 < buffer.size.width, buffer[x + 1, y].isContinuation else { return false }
            }
            if cell.isContinuation {
                guard x > 0, buffer[x - 1, y].width == 2, !buffer[x - 1, y].isContinuation else { return false }
            }
        }
    }
    return true
}

struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let written = buffer.put("a中b", x: 0, y: 0)
        #expect(written == 4)
        #expect(buffer[1, 0].grapheme == "中")
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[3, 0].grapheme == "b")
        #expect(buffer.textLines == ["a中b  "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.put("中文字", x: 0, y: 0)
        // Write over the right half of 中 and the left half of 文.
        buffer.put("xy", x: 1, y: 0)
        #expect(buffer.textLines == [" xy 字"])
        #expect(wideGlyphsAreWhole(buffer))
        // Write a wide glyph starting on a continuation cell.
        buffer.put("国", x: 5 - 1, y: 0) // over 字's halves exactly
        #expect(buffer.textLines == [" xy 国"])
        buffer.put("人", x: 3, y: 0) // covers the blank and the left half of 国
        #expect(buffer.textLines == [" xy人 "])
        #expect(wideGlyphsAreWhole(buffer))
    }

    @Test func wideCharacterAtTheClipEdgeBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1), fill: Cell("."))
        let written = buffer.put("ab中", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 3, height: 1))
        #expect(written == 2)
        #expect(buffer.textLines == ["ab .."])
        // And at the right edge of the screen.
        buffer.put("xyz中", x: 0, y: 0)
        #expect(buffer.textLines == ["xyz中"])
        buffer.put("wxyz中", x: 0, y: 0)
        #expect(buffer.textLines == ["wxyz "])
        #expect(wideGlyphsAreWhole(buffer))
    }

    @Test func wideCharacterHalfLeftOfTheClipBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1), fill: Cell("."))
        buffer.put("中文", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(buffer.textLines == [".. 文."])
        #expect(wideGlyphsAreWhole(buffer))
    }

    @Test func setCellKeepsWideGlyphsWhole() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.setCell(x: 3, y: 0, Cell("中", width: 2)) // no room for the right half
        #expect(buffer[3, 0].grapheme == " ")
        buffer.setCell(x: 0, y: 0, Cell("中", width: 2))
        #expect(buffer[1, 0].isContinuation)
        buffer.setCell(x: 1, y: 0, Cell("文", width: 2))
        #expect(buffer.textLines == [" 文 "])
        buffer.setCell(x: 0, y: 0, Cell("", width: 0, isContinuation: true)) // a stray continuation
        #expect(buffer[0, 0].grapheme == " ")
        #expect(wideGlyphsAreWhole(buffer))
    }

    @Test func fillRepairsWideGlyphsCutByItsEdges() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        buffer.put("中文字", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .selection)
        #expect(buffer.textLines[0] == "    字")
        #expect(buffer[1, 0].role == .selection)
        #expect(buffer[0, 0].role == .normal)
        #expect(wideGlyphsAreWhole(buffer))
    }

    @Test func combiningMarksJoinTheirBaseCell() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.put("e\u{301}a", x: 0, y: 0)
        #expect(buffer[0, 0].grapheme == "e\u{301}")
        #expect(buffer[1, 0].grapheme == "a")
        // A lone mark at the start of a string has no base: it is dropped rather than drawn on its own.
        buffer.put("\u{301}b", x: 0, y: 0)
        #expect(buffer[0, 0].grapheme == "b")
    }

    @Test func emojiSequencesBecomeGlyphsTerminalsAgreeOn() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        let written = buffer.put("❤️👍🏽🇨🇳", x: 0, y: 0)
        #expect(written == 5)
        #expect(buffer.textLines == ["❤👍🇨🇳     "])
        for x in 0..<10 where !buffer[x, 0].isContinuation {
            let scalars = buffer[x, 0].grapheme.unicodeScalars
            #expect(!scalars.contains { $0.value == 0xFE0F || $0.value == 0x200D })
        }
    }

    /// A family emoji (four people, three joiners) takes one wide cell, not four; what follows it is not
    /// pushed right.
    @Test func aZWJSequenceTakesOneCell() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        let written = buffer.put("👨‍👩‍👧‍👦a👩🏽‍💻b", x: 0, y: 0)
        #expect(written == 6)
        #expect(buffer[0, 0].grapheme == "👨" && buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "a")
        #expect(buffer[3, 0].grapheme == "👩")
        #expect(buffer[5, 0].grapheme == "b")
        #expect(buffer.textLines == ["👨a👩b  "])
    }

    @Test func escapeSequencesNeverReachACell() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 2))
        let hostile = "Zhang\u{1B}[2J\u{1B}]0;owned title\u{7}San\u{9B}31mX\u{1B}P+q\u{1B}\\\r\nEnd\u{202E}"
        buffer.put(hostile, x: 0, y: 0)
        buffer.put(hostile, x: 0, y: 1, clip: Rect(x: 0, y: 1, width: 10, height: 1))
        for cell in buffer.cells {
            for scalar in cell.grapheme.unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value),
                        "control U+\(String(scalar.value, radix: 16)) in a cell")
                #expect(scalar.value != 0x202E)
            }
        }
        #expect(buffer.textLines[0].hasPrefix("ZhangSanX  End"))
    }

    @Test func putOutsideTheBufferWritesNothing() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        #expect(buffer.put("abc", x: 0, y: 5) == 0)
        #expect(buffer.put("abc", x: -2, y: 0) == 3)
        #expect(buffer.textLines == ["c  "])
        var empty = ScreenBuffer(size: Size(width: 0, height: 0))
        #expect(empty.put("abc", x: 0, y: 0) == 0)
    }

    @Test func writeAlignsAndEllipsizesInARect() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1), fill: Cell("."))
        buffer.write("张三", in: Rect(x: 1, y: 0, width: 6, height: 1), alignment: .right, role: .highlight)
        #expect(buffer.textLines == [".  张三."])
        #expect(buffer[1, 0].role == .highlight)
        buffer.write("上海大众帕萨特", in: Rect(x: 1, y: 0, width: 6, height: 1))
        #expect(buffer.textLines == [".上海… ."])
    }

    @Test func restyleTakesWideGlyphsWhole() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.put("中文字", x: 0, y: 0)
        buffer.restyle(Rect(x: 1, y: 0, width: 2, height: 1), role: .selection)
        #expect((0..<4).allSatisfy { buffer[$0, 0].role == .selection })
        #expect(buffer[4, 0].role == .normal)
        #expect(buffer.textLines == ["中文字"])
    }

    @Test func changedPositions() {
        var a = ScreenBuffer(size: Size(width: 4, height: 2))
        var b = a
        #expect(b.changedPositions(since: a).isEmpty)
        b.put("x", x: 2, y: 1)
        #expect(b.changedPositions(since: a) == [Point(x: 2, y: 1)])
        #expect(b.changedPositions(since: nil).count == 8)
        a = ScreenBuffer(size: Size(width: 3, height: 2))
        #expect(b.changedPositions(since: a).count == 8)
    }
}
