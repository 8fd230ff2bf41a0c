import Testing
import ScreenKit

struct TextInputStateTests {
    @Test func typingAndDeleting() {
        var input = TextInputState()
        for c in "abc" { #expect(input.handle(.character(c)) == true) }
        #expect(input.text == "abc" && input.cursor == 3)
        #expect(input.handle(.left) == true)
        #expect(input.handle(.backspace) == true)
        #expect(input.text == "ac" && input.cursor == 1)
        #expect(input.handle(.delete) == true)
        #expect(input.text == "a" && input.cursor == 1)
        #expect(input.handle(.delete) == true) // at the end: consumed, nothing happens
        #expect(input.text == "a")
        #expect(input.handle(.home) == true)
        #expect(input.handle(.backspace) == true)
        #expect(input.text == "a" && input.cursor == 0)
        #expect(input.handle(.end) == true)
        #expect(input.cursor == 1)
    }

    @Test func applicationKeysAreNotConsumed() {
        var input = TextInputState(text: "x")
        for key: Key in [.enter, .escape, .tab, .backTab, .up, .down, .pageUp, .pageDown, .function(1), .resize, .ctrl("q")] {
            #expect(input.handle(key) == false, "\(key)")
        }
        #expect(input.text == "x")
    }

    @Test func pastedChineseIsInsertedAtTheCursorAsCharacters() {
        var input = TextInputState(text: "客户")
        input.moveHome()
        input.insert("王先生，")
        #expect(input.text == "王先生，客户")
        #expect(input.cursor == 4)
        input.moveRight()
        input.backspace()
        #expect(input.text == "王先生，户")
        #expect(input.cursor == 4)
        #expect(input.textBeforeCursor.displayWidth == 8)
    }

    @Test func insertedControlCharactersAndEscapesNeverEnterTheValue() {
        var input = TextInputState()
        input.insert("13800\u{1B}[2J138000\u{1B}]0;x\u{7}\n粤B\t12345\u{0}")
        #expect(input.text == "13800138000 粤B 12345")
        #expect(!input.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(input.handle(.character("\u{1B}")) == true)
        #expect(input.text == "13800138000 粤B 12345")
        input.text = "a\u{7}b"
        #expect(input.text == "ab" && input.cursor == 2)
    }

    @Test func combiningMarkMergesWithThePreviousCharacter() {
        var input = TextInputState(text: "cafe")
        input.insert("\u{301}")
        #expect(input.characterCount == 4)
        #expect(input.cursor == 4)
        #expect(input.text == "caf\u{E9}") // canonical equivalence: e + U+0301 == é
    }

    @Test func wordMovesAndDeletes() {
        var input = TextInputState(text: "张三 13800138000, 粤B12345")
        input.moveWordLeft()
        #expect(input.cursor == input.characterCount - 6) // before "B12345"
        input.moveWordLeft()
        #expect(input.textBeforeCursor == "张三 13800138000, ") // before "粤"
        input.moveWordLeft()
        #expect(input.textBeforeCursor == "张三 ")
        input.moveWordLeft()
        #expect(input.cursor == 0)
        input.moveWordLeft()
        #expect(input.cursor == 0)
        input.moveWordRight()
        #expect(input.textBeforeCursor == "张三")
        #expect(input.handle(.ctrlRight) == true)
        #expect(input.textBeforeCursor == "张三 13800138000")
        #expect(input.handle(.ctrlLeft) == true)
        #expect(input.textBeforeCursor == "张三 ")
        input.moveEnd()
        #expect(input.handle(.ctrl("w")) == true)
        #expect(input.text == "张三 13800138000, 粤")
        #expect(input.handle(.ctrl("w")) == true)
        #expect(input.text == "张三 13800138000, ")
        #expect(input.handle(.ctrl("w")) == true)
        #expect(input.text == "张三 ")
        #expect(input.handle(.ctrl("u")) == true)
        #expect(input.text.isEmpty && input.cursor == 0)
    }

    @Test func maxLengthCutsInsertions() {
        var input = TextInputState(text: "粤B1234", maxLength: 7)
        input.insert("56")
        #expect(input.text == "粤B12345")
        input.insert("7")
        #expect(input.text == "粤B12345")
    }

    @Test func killToEnd() {
        var input = TextInputState(text: "hello world")
        input.moveCursor(to: 5)
        #expect(input.handle(.ctrl("k")) == true)
        #expect(input.text == "hello")
    }
}

struct TextInputRenderTests {
    @Test func shortTextWithCursorAfterIt() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        TextInput().render(into: &buffer, area: buffer.bounds, state: TextInputState(text: "张三"))
        #expect(buffer.textLines == ["张三      "])
        #expect(buffer.cursor == Point(x: 4, y: 0))
        #expect(buffer[9, 0].role == .inputFocus)
    }

    @Test func placeholderIsMuted() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 2))
        TextInput(placeholder: "车牌/电话", focused: false).render(into: &buffer, area: Rect(x: 1, y: 1, width: 10, height: 1),
                                                              state: TextInputState())
        #expect(buffer.textLines[1] == " 车牌/电话  ")
        #expect(buffer[1, 1].role == .muted)
        #expect(buffer[10, 1].role == .input)
        #expect(buffer.cursor == nil)
    }

    @Test func longTextScrollsSoTheCursorIsVisible() throws {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        var state = TextInputState(text: "客户反映异响")
        TextInput().render(into: &buffer, area: buffer.bounds, state: state)
        // Cursor at the end: the last characters show and the cursor sits in the last column.
        #expect(buffer.textLines == ["异响  "])
        #expect(buffer.cursor == Point(x: 4, y: 0))
        for width in 1...14 {
            for position in 0...state.characterCount {
                state.moveCursor(to: position)
                var b = ScreenBuffer(size: Size(width: width, height: 1))
                TextInput().render(into: &b, area: b.bounds, state: state)
                let cursor = try #require(b.cursor)
                #expect(cursor.x >= 0 && cursor.x < width, "width \(width) position \(position)")
                if width >= 3, position < state.characterCount {
                    // The character under the cursor is drawn there.
                    let under = state.characters[position]
                    #expect(b[cursor.x, 0].grapheme == String(under) || cursor.x == width - 1,
                            "width \(width) position \(position)")
                }
            }
        }
        state.moveHome()
        TextInput().render(into: &buffer, area: buffer.bounds, state: state)
        #expect(buffer.textLines == ["客户反"])
        #expect(buffer.cursor == Point(x: 0, y: 0))
    }
}
