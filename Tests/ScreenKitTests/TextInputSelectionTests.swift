import ScreenKit
import Testing

@Suite struct TextInputSelectionTests {
    @Test func typingReplacesASelectedValue() {
        var t = TextInputState(text: "11-22 16:45")
        t.selectAll()
        #expect(t.isAllSelected)
        _ = t.handle(.character("1"))
        #expect(t.text == "1" && !t.isAllSelected)
    }

    @Test func movementKeepsTheValueAndEndsTheSelection() {
        for key in [Key.left, .right, .home, .end] {
            var t = TextInputState(text: "abc")
            t.selectAll()
            _ = t.handle(key)
            #expect(t.text == "abc" && !t.isAllSelected)
        }
    }

    @Test func deletingASelectionEmptiesTheField() {
        for key in [Key.backspace, .delete, .ctrl("w"), .ctrl("k")] {
            var t = TextInputState(text: "abc")
            t.selectAll()
            let handled = t.handle(key)
            #expect(handled)
            #expect(t.isEmpty)
        }
    }

    @Test func anEmptyFieldHasNothingToSelectAndUnhandledKeysKeepTheSelection() {
        var e = TextInputState()
        e.selectAll()
        #expect(!e.isAllSelected)
        var t = TextInputState(text: "abc")
        t.selectAll()
        let handled = t.handle(.tab)
        #expect(!handled)
        #expect(t.isAllSelected)
    }
}
