import Testing
@testable import ServiceDomain

@Suite struct FreeTextSanitizeTests {
    @Test func plainTextIsUnchanged() {
        #expect(FreeText.sanitize("刹车异响，左前轮") == "刹车异响，左前轮")
        #expect(FreeText.sanitize("Brake noise front-left") == "Brake noise front-left")
    }

    @Test func colorSequencesAreRemovedWhole() {
        #expect(FreeText.sanitize("\u{1B}[31mred\u{1B}[0m") == "red")
        #expect(FreeText.sanitize("a\u{1B}[1;38;5;196mb") == "ab")
        #expect(FreeText.sanitize("\u{1B}[?25lhidden cursor") == "hidden cursor")
    }

    @Test func titleSettingOSCIsRemovedWithItsText() {
        #expect(FreeText.sanitize("\u{1B}]0;pwn\u{07}张三") == "张三")
        #expect(FreeText.sanitize("x\u{1B}]2;title\u{1B}\\y") == "xy")
        #expect(FreeText.sanitize("\u{9D}8;;http://evil\u{9C}link") == "link")
    }

    @Test func unterminatedOSCSwallowsTheRestAsATerminalWould() {
        #expect(FreeText.sanitize("ok\u{1B}]0;never ends") == "ok")
    }

    @Test func c1ControlSequenceIsRemoved() {
        #expect(FreeText.sanitize("\u{9B}2Jclear") == "clear")
        #expect(FreeText.sanitize("a\u{9B}31mb") == "ab")
    }

    @Test func dcsAndOtherStringsAreRemoved() {
        #expect(FreeText.sanitize("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b") == "ab")
        #expect(FreeText.sanitize("a\u{90}data\u{9C}b") == "ab")
        #expect(FreeText.sanitize("a\u{1B}_apc\u{1B}\\b\u{1B}^pm\u{07}c") == "abc")
    }

    @Test func shortEscapesAreRemoved() {
        #expect(FreeText.sanitize("a\u{1B}cb") == "ab")            // full reset
        #expect(FreeText.sanitize("a\u{1B}(Bb") == "ab")           // charset
        #expect(FreeText.sanitize("a\u{1B}7b\u{1B}8") == "ab")     // save/restore cursor
        #expect(FreeText.sanitize("a\u{1B}OAb") == "ab")           // SS3 arrow key
        #expect(FreeText.sanitize("trailing\u{1B}") == "trailing")
    }

    @Test func aCSIBrokenByOrdinaryTextKeepsTheText() {
        // "中" cannot be part of a CSI: the sequence ends there and the character stays.
        #expect(FreeText.sanitize("\u{1B}[3中文") == "中文")
    }

    @Test func escapeInsideAStringStartsANewSequence() {
        #expect(FreeText.sanitize("\u{1B}]0;t\u{1B}[31mred") == "red")
    }

    @Test func controlCharactersAndDELAreRemoved() {
        #expect(FreeText.sanitize("a\u{00}b\u{07}c\u{08}d\u{7F}e\u{85}f") == "abcdef")
    }

    @Test func tabsAndNewlinesBecomeSpaces() {
        #expect(FreeText.sanitize("line1\nline2\tx") == "line1 line2 x")
        #expect(FreeText.sanitize("a\r\nb") == "a b")
        #expect(FreeText.sanitize("a\rb\u{2028}c") == "a b c")
    }

    @Test func bidiOverridesAndIsolatesAreRemoved() {
        #expect(FreeText.sanitize("abc\u{202E}fed\u{202C}") == "abcfed")
        for code in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            let s = "x" + String(Unicode.Scalar(UInt32(code))!) + "y"
            #expect(FreeText.sanitize(s) == "xy", "U+\(String(code, radix: 16))")
        }
    }

    @Test func emojiAndJoinersSurvive() {
        #expect(FreeText.sanitize("好评👍🏽 👨‍👩‍👧") == "好评👍🏽 👨‍👩‍👧")
    }

    @Test func resultIsTrimmed() {
        #expect(FreeText.sanitize("  \t 备注 \n ") == "备注")
        #expect(FreeText.sanitize("\u{3000}全角空格\u{3000}") == "全角空格")
    }
}

@Suite struct FreeTextCleanTests {
    @Test func returnsSanitizedText() throws {
        #expect(try FreeText.clean(" \u{1B}[1m异响\u{1B}[0m ", field: .concern, maxLength: 10) == "异响")
    }

    @Test func emptyIsFineUnlessRequired() throws {
        #expect(try FreeText.clean("  ", field: .notes, maxLength: 10) == "")
        let error = validationError { try FreeText.clean("\u{1B}[0m ", field: .concern, maxLength: 10, required: true) }
        #expect(error?.field == .concern)
        #expect(error?.message.zh == "请填写客户描述")
        #expect(error?.message.en == "Concern is required")
    }

    @Test func lengthCountsCharactersNotBytes() throws {
        let tenChinese = String(repeating: "修", count: 10)
        #expect(try FreeText.clean(tenChinese, field: .model, maxLength: 10) == tenChinese)
        #expect(try FreeText.clean("👨‍👩‍👧👍🏽", field: .notes, maxLength: 2) == "👨‍👩‍👧👍🏽")
        let error = validationError { try FreeText.clean(tenChinese + "了", field: .model, maxLength: 10) }
        #expect(error?.field == .model)
        #expect(error?.mentions("11") == true)
        #expect(error?.mentions("10") == true)
        #expect(error?.message.zh.contains("车型") == true)
    }
}
