import ConsoleCore
import ServiceDomain
import Testing

/// `advisor --panel NAME`: every panel has a name, names round-trip, and a wrong one lists them all.
@Suite struct PanelNameTests {
    @Test func everyPanelHasAUniqueCommandLineName() {
        let names = Panel.allCases.map(\.commandLineName)
        #expect(names == ["find", "reception", "appointments", "board", "delivery", "followup", "comebacks", "reports"])
        for panel in Panel.allCases {
            #expect(Panel(commandLineName: panel.commandLineName) == panel)
            #expect(Panel(commandLineName: panel.commandLineName.uppercased()) == panel)
        }
    }

    @Test func unknownNamesAreRefusedWithTheList() {
        #expect(Panel(commandLineName: "waitingBoard") == nil)
        #expect(Panel(commandLineName: "") == nil)
        let message = Strings.unknownPanelOption("bord\u{1B}[2J")
        #expect(message.en.hasPrefix("--panel takes find, reception, appointments, board, delivery, followup, comebacks, reports (got 'bord"))
        #expect(!message.en.contains("\u{1B}"))
        #expect(message.zh.contains("find、reception、appointments、board"))
    }

    @Test func startingOnTheBoardLoadsIt() {
        var state = freshState()
        state.panel = Panel(commandLineName: "board")!
        let effects = reduce(&state, .consoleStarted)
        #expect(effects.contains { if case .workshop(.loadBoard) = $0 { true } else { false } })
    }
}
