import Testing
import ScreenKit
@testable import NCursesBackend

/// Key codes as curses.h defines them (octal there), so a wrong constant in the decoder shows up.
private enum CursesKey {
    static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
    static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
    static let dc: Int32 = 0o512, ic: Int32 = 0o513, npage: Int32 = 0o522, ppage: Int32 = 0o523
    static let enter: Int32 = 0o527, a1: Int32 = 0o534, a3: Int32 = 0o535, b2: Int32 = 0o536
    static let c1: Int32 = 0o537, c3: Int32 = 0o540, btab: Int32 = 0o541, end: Int32 = 0o550
    static let resize: Int32 = 0o632, sleft: Int32 = 0o611
}

@Suite struct KeyDecoderTests {
    private func key(_ code: Int32, extended: ExtendedKeyCodes = ExtendedKeyCodes()) -> Key {
        KeyDecoder.decode(.keyCode(code), extended: extended)
    }
    private func char(_ value: UInt32) -> Key { KeyDecoder.decode(.character(value)) }

    @Test func navigationKeys() {
        #expect(key(CursesKey.up) == .up)
        #expect(key(CursesKey.down) == .down)
        #expect(key(CursesKey.left) == .left)
        #expect(key(CursesKey.right) == .right)
        #expect(key(CursesKey.home) == .home)
        #expect(key(CursesKey.end) == .end)
        #expect(key(CursesKey.ppage) == .pageUp)
        #expect(key(CursesKey.npage) == .pageDown)
        #expect(key(CursesKey.dc) == .delete)
        #expect(key(CursesKey.ic) == .insert)
        #expect(key(CursesKey.btab) == .backTab)
    }

    @Test func keypadKeysActLikeTheirLabels() {
        #expect(key(CursesKey.a1) == .home)
        #expect(key(CursesKey.a3) == .pageUp)
        #expect(key(CursesKey.c1) == .end)
        #expect(key(CursesKey.c3) == .pageDown)
        #expect(key(CursesKey.enter) == .enter)
        #expect(key(CursesKey.b2) == .unknown(CursesKey.b2))
    }

    @Test func functionKeys() {
        #expect(key(CursesKey.f0 + 1) == .function(1))
        #expect(key(CursesKey.f0 + 12) == .function(12))
        #expect(key(CursesKey.f0 + 13) == .function(13)) // Shift-F1 on xterm
        #expect(key(CursesKey.f0 + 63) == .function(63))
        #expect(key(CursesKey.f0) == .unknown(CursesKey.f0))
    }

    @Test func backspaceInAllItsForms() {
        #expect(key(CursesKey.backspace) == .backspace)
        #expect(char(127) == .backspace)
        #expect(char(8) == .backspace)
    }

    @Test func enterTabEscapeAndResize() {
        #expect(char(13) == .enter)
        #expect(char(10) == .enter)
        #expect(char(9) == .tab)
        #expect(char(27) == .escape)
        #expect(key(CursesKey.resize) == .resize)
    }

    @Test func controlLetters() {
        #expect(char(1) == .ctrl("a"))
        #expect(char(3) == .ctrl("c"))
        #expect(char(19) == .ctrl("s"))
        #expect(char(26) == .ctrl("z"))
        #expect(char(12) == .ctrl("l"))
        #expect(char(0) == .unknown(0))
        #expect(char(28) == .unknown(28))
    }

    @Test func printableCharactersIncludingChinese() {
        #expect(char(0x61) == .character("a"))
        #expect(char(0x20) == .character(" "))
        #expect(char(0x4EAC) == .character("京"))
        #expect(char(0x1F697) == .character("🚗"))
        #expect(char(0x9B) == .unknown(0x9B)) // C1 control
        #expect(char(0xD800) == .unknown(0xD800)) // lone surrogate is no character
    }

    @Test func ctrlArrowsUseTheCodesFoundInTerminfo() {
        let extended = ExtendedKeyCodes(ctrlLeft: 545, ctrlRight: 560)
        #expect(key(545, extended: extended) == .ctrlLeft)
        #expect(key(560, extended: extended) == .ctrlRight)
        #expect(key(545) == .unknown(545))
        #expect(key(CursesKey.sleft, extended: extended) == .unknown(CursesKey.sleft))
    }

    @Test func escapeFollowedByACharacterIsAlt() {
        let alt = KeyDecoder.combineEscape(followedBy: .character(0x78))
        #expect(alt.key == .alt("x"))
        #expect(alt.pending == nil)
        #expect(KeyDecoder.combineEscape(followedBy: .character(0x5B3F)).key == .alt("嬿"))
    }

    @Test func escapeAloneOrBeforeAnotherKeyIsEscape() {
        let alone = KeyDecoder.combineEscape(followedBy: nil)
        #expect(alone.key == .escape)
        #expect(alone.pending == nil)

        let twice = KeyDecoder.combineEscape(followedBy: .character(27))
        #expect(twice.key == .escape)
        #expect(twice.pending == .character(27))

        let beforeArrow = KeyDecoder.combineEscape(followedBy: .keyCode(CursesKey.up))
        #expect(beforeArrow.key == .escape)
        #expect(beforeArrow.pending == .keyCode(CursesKey.up))

        let beforeCtrl = KeyDecoder.combineEscape(followedBy: .character(1))
        #expect(beforeCtrl.key == .escape)
        #expect(beforeCtrl.pending == .character(1))
    }
}
