import Testing
import ScreenKit

struct HelpBarTests {
    let bar = HelpBar([("F1", "Help"), ("/", "Find"), ("q", "Quit")])

    @Test func rendersKeysAndLabelsInTheirRoles() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 1))
        bar.render(into: &buffer, area: buffer.bounds)
        #expect(buffer.textLines == ["F1 Help  / Find  q Quit".padded(toWidth: 30)])
        #expect(buffer[0, 0].role == .helpKey && buffer[1, 0].role == .helpKey)
        #expect(buffer[2, 0].role == .helpText && buffer[3, 0].role == .helpText)
        #expect(buffer[9, 0].role == .helpKey) // "/"
        #expect(buffer[29, 0].role == .helpText)
    }

    @Test func hintsThatDoNotFitAreLeftOutWhole() {
        // "F1 Help  / Find  q Quit" is 23 columns: at 22 the last hint goes, not half of it.
        #expect(bar.fittingCount(width: 23) == 3)
        #expect(bar.fittingCount(width: 22) == 2)
        #expect(bar.fittingCount(width: 6) == 0)
        var buffer = ScreenBuffer(size: Size(width: 20, height: 1))
        bar.render(into: &buffer, area: buffer.bounds)
        #expect(buffer.textLines == ["F1 Help  / Find     "])
    }

    @Test func chineseLabelsAreMeasuredByWidth() {
        let zh = HelpBar([("F2", "接车"), ("F3", "交车"), ("F10", "退出")])
        #expect(zh.fittingCount(width: 16) == 2) // "F2 接车  F3 交车" is 16
        #expect(zh.fittingCount(width: 15) == 1)
    }
}

struct BarChartTests {
    @Test func eighthBlocks() {
        #expect(BarChart.bar(value: 10, maxValue: 10, width: 4, unicode: true) == "████")
        #expect(BarChart.bar(value: 5, maxValue: 10, width: 4, unicode: true) == "██")
        #expect(BarChart.bar(value: 1, maxValue: 8, width: 1, unicode: true) == "▏")
        #expect(BarChart.bar(value: 7, maxValue: 8, width: 1, unicode: true) == "▉")
        #expect(BarChart.bar(value: 9, maxValue: 16, width: 2, unicode: true) == "█▏")
        #expect(BarChart.bar(value: 0.01, maxValue: 100, width: 10, unicode: true) == "▏") // never invisible
        #expect(BarChart.bar(value: 0, maxValue: 100, width: 10, unicode: true) == "")
        #expect(BarChart.bar(value: 500, maxValue: 100, width: 3, unicode: true) == "███")
        #expect(BarChart.bar(value: .nan, maxValue: 100, width: 3, unicode: true) == "")
    }

    @Test func asciiBars() {
        #expect(BarChart.bar(value: 5, maxValue: 10, width: 10, unicode: false) == "#####")
        #expect(BarChart.bar(value: 0.1, maxValue: 10, width: 10, unicode: false) == "#")
    }

    @Test func rendersLabelBarAndValue() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 3))
        let chart = BarChart(items: [
            BarChartItem(label: "王工", value: 12),
            BarChartItem(label: "Li", value: 6, valueText: "6台", role: .warning),
        ])
        chart.render(into: &buffer, area: buffer.bounds)
        // label column 4 + space, bar 11, space, value column 3.
        #expect(buffer.textLines == [
            "王工 ███████████  12",
            "Li   █████▌      6台",
            "                    ",
        ])
        #expect(buffer[5, 0].role == .bar)
        #expect(buffer[5, 1].role == .warning)
        #expect(buffer[0, 0].role == .normal)
    }
}

struct BoxTests {
    @Test func unicodeBorderWithTitles() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 3))
        let inner = Box(title: "接车", rightTitle: "3/12", focused: true).render(into: &buffer, area: buffer.bounds)
        #expect(inner == Rect(x: 1, y: 1, width: 18, height: 1))
        #expect(buffer.textLines == [
            "┌─ 接车 ──── 3/12 ─┐",
            "│                  │",
            "└──────────────────┘",
        ])
        #expect(buffer[3, 0].role == .titleFocus)
        #expect(buffer[0, 0].role == .border)
    }

    @Test func asciiBorderAndLongTitle() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 3))
        Box(title: "Waiting board of the day", rightTitle: "99/99", style: .ascii).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.textLines == [
            "+- Waiti~ -+",
            "|          |",
            "+----------+",
        ])
        #expect(buffer[3, 0].role == .title)
    }

    @Test func tooSmallDrawsNothing() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 5))
        Box(title: "x").render(into: &buffer, area: Rect(x: 0, y: 0, width: 1, height: 5))
        #expect(buffer.textLines.allSatisfy { $0 == "     " })
    }
}

struct BarsTests {
    @Test func tabsHighlightTheActiveOne() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 1))
        TabBar(titles: ["接车", "看板", "交车"], active: 1).render(into: &buffer, area: buffer.bounds)
        #expect(buffer.textLines == [" 接车  看板  交车       "])
        #expect(buffer[1, 0].role == .tabInactive)
        #expect(buffer[7, 0].role == .tabActive)
        #expect(buffer[6, 0].role == .tabActive) // the padding belongs to the tab
    }

    @Test func narrowTabsShortenAndKeepTheActiveTabVisible() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        TabBar(titles: ["Reception", "Waiting", "Delivery", "Follow-up"], active: 3).render(into: &buffer, area: buffer.bounds)
        let line = buffer.textLines[0]
        #expect(line.contains("F…"))
        #expect((0..<12).contains { buffer[$0, 0].role == .tabActive })
    }

    @Test func statusBarMessageWinsOverTheRightText() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 1))
        StatusBar(message: "已保存", messageRole: .ok, right: "王芳 14:05").render(into: &buffer, area: buffer.bounds)
        #expect(buffer.textLines == [" 已保存            王芳 14:05 "])
        #expect(buffer[1, 0].role == .ok)
        #expect(buffer[0, 0].role == .statusBar)
        #expect(buffer[28, 0].role == .statusBar)
        StatusBar(message: "手机号格式不对：应为11位数字，例如 13800138000", messageRole: .error, right: "王芳 14:05")
            .render(into: &buffer, area: buffer.bounds)
        #expect(!buffer.textLines[0].contains("14:05"))
        #expect(buffer.textLines[0].contains("…"))
    }

    @Test func modalIsCentredWrappedAndClearsItsArea() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 12), fill: Cell("x"))
        let modal = Modal(title: "退出？", message: "有未保存的输入。确定退出吗？未保存的内容将丢失。",
                          buttons: ["确定", "取消"], selectedButton: 1, hint: "Enter 确认 Esc 取消", preferredWidth: 24)
        let frame = modal.render(into: &buffer, area: buffer.bounds)
        #expect(frame.width == 24)
        #expect(frame.x == 8)
        let lines = buffer.textLines
        #expect(lines[frame.y].hasPrefix("xxxxxxxx┌─ 退出？ "))
        // Message wrapped to 20 columns, inside the border with one space of padding.
        #expect(lines[frame.y + 2] == "xxxxxxxx│ 有未保存的输入。确定 │xxxxxxxx")
        #expect(lines[frame.y + 3] == "xxxxxxxx│ 退出吗？未保存的内容 │xxxxxxxx")
        #expect(lines[frame.y + 4] == "xxxxxxxx│ 将丢失。             │xxxxxxxx")
        for y in frame.y..<frame.maxY {
            for x in frame.x..<frame.maxX { #expect(buffer[x, y].grapheme != "x") }
        }
        let buttonsRow = lines.firstIndex { $0.contains("[ 确定 ]  [ 取消 ]") }
        #expect(buttonsRow != nil)
        if let row = buttonsRow {
            let cancelX = frame.x + 2 + (20 - 18) / 2 + 10
            #expect(buffer[cancelX, row].role == .selection)
            #expect(buffer[cancelX - 10, row].role == .dialog)
        }
        #expect(lines.contains { $0.contains("Enter 确认 Esc 取消") })
    }
}
