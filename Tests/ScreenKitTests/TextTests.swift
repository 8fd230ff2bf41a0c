import Testing
import ScreenKit

struct TextTests {
    @Test func clippingAWideCharacterAtTheEdgeLeavesPadding() {
        #expect("ab中文".clipped(toWidth: 3) == "ab ")
        #expect("ab中文".clipped(toWidth: 4) == "ab中")
        #expect("中文".clipped(toWidth: 1) == " ")
        #expect("abc".clipped(toWidth: 10) == "abc")
        #expect("abc".clipped(toWidth: 0) == "")
        for width in 0...8 {
            #expect("张三丰a".clipped(toWidth: width).displayWidth == min(width, 7))
        }
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect("e\u{301}xyz".clipped(toWidth: 1) == "e\u{301}")
    }

    @Test func paddingByDisplayWidth() {
        #expect("张三".padded(toWidth: 6) == "张三  ")
        #expect("张三".padded(toWidth: 6, alignment: .right) == "  张三")
        #expect("张三".padded(toWidth: 7, alignment: .center) == " 张三  ")
        #expect("张三丰".padded(toWidth: 5) == "张三 ")
        #expect("abc".padded(toWidth: 0) == "")
        #expect("1234".padded(toWidth: 2, alignment: .right) == "12")
    }

    @Test func ellipsis() {
        #expect("abcdef".ellipsized(toWidth: 4) == "abc…")
        #expect("abcdef".ellipsized(toWidth: 6) == "abcdef")
        #expect("上海大众帕萨特".ellipsized(toWidth: 9) == "上海大众…")
        // The wide character that does not fit becomes padding after the ellipsis.
        #expect("上海大众帕萨特".ellipsized(toWidth: 8) == "上海大… ")
        #expect("上海大众帕萨特".ellipsized(toWidth: 8).displayWidth == 8)
        #expect("abc def".ellipsized(toWidth: 5) == "abc… ")
        #expect("abcdef".ellipsized(toWidth: 1) == "…")
        #expect("abcdef".ellipsized(toWidth: 0) == "")
        #expect("abcdef".ellipsized(toWidth: 4, ellipsis: "~") == "abc~")
    }

    @Test func measuringAndFittingIgnoreEscapeSequences() {
        let hostile = "A\u{1B}[2JB\u{1B}]0;pwned\u{7}C"
        #expect(hostile.displayWidth == 3)
        #expect(hostile.padded(toWidth: 5) == "ABC  ")
        #expect(!hostile.clipped(toWidth: 10).unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func wrapBreaksAtSpaces() {
        #expect("the quick brown fox".wrapped(toWidth: 10) == ["the quick", "brown fox"])
        #expect("the quick brown fox".wrapped(toWidth: 100) == ["the quick brown fox"])
        #expect("a  b".wrapped(toWidth: 1) == ["a", "b"])
    }

    @Test func wrapBreaksLongWordsAtTheEdge() {
        #expect("abcdefghij".wrapped(toWidth: 4) == ["abcd", "efgh", "ij"])
        #expect("VIN LSVAB4189E2123456 ok".wrapped(toWidth: 8) == ["VIN", "LSVAB418", "9E212345", "6 ok"])
    }

    @Test func wrapBreaksBetweenCJKCharacters() {
        let lines = "客户反映发动机异响需要检查".wrapped(toWidth: 10)
        #expect(lines == ["客户反映发", "动机异响需", "要检查"])
        for line in lines { #expect(line.displayWidth <= 10) }
        // Mixed text: Latin words stay whole, CJK breaks anywhere.
        #expect("更换机油 Castrol 5W-30 完成".wrapped(toWidth: 12) == ["更换机油", "Castrol", "5W-30 完成"])
    }

    @Test func wrapKeepsClosingPunctuationOffTheLineStart() {
        let lines = "已完成，请取车。".wrapped(toWidth: 6)
        #expect(lines == ["已完", "成，请", "取车。"])
        for line in lines { #expect(!line.hasPrefix("，") && !line.hasPrefix("。")) }
    }

    @Test func wrapKeepsNewlinesAndBlankLines() {
        #expect("one\n\ntwo".wrapped(toWidth: 10) == ["one", "", "two"])
        #expect("a\r\nb".wrapped(toWidth: 10) == ["a", "b"])
        #expect("".wrapped(toWidth: 10) == [""])
        #expect("abc".wrapped(toWidth: 0) == [])
    }
}
