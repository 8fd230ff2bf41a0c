import Testing
import TestSupport
@testable import ScreenKit

/// `ScreenBuffer.put` is where text enters the screen, and the one place it is sanitized: views hand
/// it names, notes and imported text as stored. Nothing the terminal would execute, nor an invisible
/// direction mark, may reach a cell, whatever the clip.
struct PutSanitizesTests {
    @Test func noHostileInputReachesACell() {
        for text in HostileCorpus.all {
            let sample = String(text.prefix(300))
            var buffer = ScreenBuffer(size: Size(width: 30, height: 3))
            buffer.put(sample, x: 0, y: 0)
            buffer.put("[" + sample + "]", x: 3, y: 1, clip: Rect(x: 2, y: 1, width: 9, height: 1))
            buffer.put(sample, x: -4, y: 2)
            for cell in buffer.cells {
                #expect(HostileCorpus.isTerminalSafe(cell.grapheme),
                        "\(cell.grapheme.unicodeScalars.map { String($0.value, radix: 16) }) from \(sample.debugDescription.prefix(40))")
            }
        }
    }

    @Test func sequencesGoWholeAndTheTextAroundThemStays() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 1))
        buffer.put("张\u{1B}[1\u{7}m三\u{1B}]0;title\u{1B}\\ 王\u{200B}芳\u{FEFF}", x: 0, y: 0)
        #expect(buffer.textLines == ["张三 王芳" + String(repeating: " ", count: 15)])
    }

    @Test func paddingIsKeptNotTrimmed() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        let advanced = buffer.put(" a\tb ", x: 1, y: 0)
        #expect(advanced == 5)
        #expect(buffer.textLines == ["  a b   "])
    }
}
