import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

let fixedNow = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 06:05 UTC
let shanghai = TimeZone(identifier: "Asia/Shanghai")!

func freshState(_ language: Language = .zhHans) -> AppState {
    AppState(language: language, shopName: "测试店", operatorName: "陈小玲", now: fixedNow, timeZone: shanghai)
}

let wangFang = SearchHit(customerID: 7, name: "王芳", phones: ["13812345678"], isOutOfWarrantyOwner: true,
                             vehicles: [VehicleSummary(id: 70, plate: "粤A12345", model: "迈腾 2.0T", vin: "LFVA23C30N3100001"),
                                        VehicleSummary(id: 71, plate: "粤AD12345", model: "ID.4 CROZZ", vin: nil)])
let liQiang = SearchHit(customerID: 8, name: "李强", phones: ["13900001111"], vehicles: [])

@discardableResult
func send(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { reduce(&state, .keyPressed($0)) }
}

@Suite struct FindReducerTests {
    @Test func typingSearchesOnEveryKeystroke() {
        var state = freshState()
        assertReduce(&state, .keyPressed(.character("粤")), effects: [.search(query: "粤")]) {
            $0.find.query = TextInputState(text: "粤")
        }
        assertReduce(&state, .keyPressed(.character("a")), effects: [.search(query: "粤a")]) {
            $0.find.query = TextInputState(text: "粤a")
        }
    }

    @Test func resultsForAnOlderQueryAreDropped() {
        var state = freshState()
        send(&state, .character("王"), .character("芳"))
        _ = reduce(&state, .searchCompleted(query: "王", results: [wangFang, liQiang]))
        #expect(state.find.rows.isEmpty)
        _ = reduce(&state, .searchCompleted(query: "王芳", results: [wangFang]))
        #expect(state.find.rows.count == 2)   // one row per vehicle
        #expect(state.find.rows[1].vehicle?.plate == "粤AD12345")
        #expect(state.find.resultsQuery == "王芳")
    }

    @Test func customersWithoutVehiclesStillGetARow() {
        var state = freshState()
        send(&state, .character("李"))
        _ = reduce(&state, .searchCompleted(query: "李", results: [liQiang]))
        #expect(state.find.rows == [FindRow(customer: liQiang, vehicle: nil)])
    }

    @Test func arrowsMoveTheSelectionAndEnterOpensTheCard() {
        var state = freshState()
        send(&state, .character("王"))
        _ = reduce(&state, .searchCompleted(query: "王", results: [wangFang, liQiang]))
        send(&state, .down, .down, .down)   // clamps at the last row
        #expect(state.find.table.selected == 2)
        assertReduce(&state, .keyPressed(.up)) { $0.find.table.select(1, rowCount: 3) }
        assertReduce(&state, .keyPressed(.enter), effects: [.loadCard(customerID: 7)]) { $0.find.cardVehicleID = 71 }
    }

    @Test func escapeClosesTheCardThenClearsTheQuery() {
        var state = freshState()
        send(&state, .character("王"))
        _ = reduce(&state, .searchCompleted(query: "王", results: [wangFang]))
        send(&state, .enter)
        let card = CustomerCard(customer: Customer(id: 7, name: "王芳", phones: ["13812345678"]), vehicles: [],
                                    mileage: [:], lastVisits: [], openComplaints: [])
        _ = reduce(&state, .cardLoaded(card))
        #expect(state.find.card == card)
        #expect(!state.isTyping)
        assertReduce(&state, .keyPressed(.escape)) {
            $0.find.card = nil
            $0.find.cardVehicleID = nil
        }
        #expect(state.find.query.text == "王")
        #expect(send(&state, .escape).isEmpty)
        #expect(state.find.query.text.isEmpty)
        #expect(state.find.rows.isEmpty)
    }

    @Test func aRefreshKeepsTheSelectionOnTheSameCar() {
        var state = freshState()
        send(&state, .character("王"))
        _ = reduce(&state, .searchCompleted(query: "王", results: [wangFang, liQiang]))
        send(&state, .down)
        #expect(reduce(&state, .storeChangedElsewhere).contains(.search(query: "王")))
        _ = reduce(&state, .searchCompleted(query: "王", results: [liQiang, wangFang]))
        #expect(state.find.rows[state.find.table.selected].vehicle?.id == 71)
    }

    @Test func aCardRemovedElsewhereClosesWithAMessage() {
        var state = freshState()
        let card = CustomerCard(customer: Customer(id: 7, name: "王芳", phones: ["13812345678"]), vehicles: [],
                                    mileage: [:], lastVisits: [], openComplaints: [])
        _ = reduce(&state, .cardLoaded(card))
        #expect(reduce(&state, .storeChangedElsewhere).contains(.loadCard(customerID: 7)))
        _ = reduce(&state, .cardLoaded(nil))
        #expect(state.find.card == nil)
        #expect(state.status == StatusLine(Strings.cardNotFound, kind: .warning))
    }

    @Test func searchFailureShowsInTheStatusLine() {
        var state = freshState()
        send(&state, .character("x"))
        _ = reduce(&state, .searchFailed(query: "x", Strings.searchFailed))
        #expect(state.status?.kind == .error)
    }
}

@Suite struct ShellReducerTests {
    @Test func plainLettersAreTypedInFindButAreCommandsElsewhere() {
        var state = freshState()
        send(&state, .character("q"))
        #expect(!state.shouldQuit)
        #expect(state.find.query.text == "q")
        send(&state, .function(5))
        #expect(state.panel == .waitingBoard)
        send(&state, .character("1"))
        #expect(state.panel == .find)
        send(&state, .function(9), .character("q"))   // Reports: nothing to type into
        #expect(state.shouldQuit)
    }

    @Test func ctrlQAlwaysQuitsWithoutUnsavedInput() {
        var state = freshState()
        send(&state, .character("王"), .ctrl("q"))
        #expect(state.shouldQuit)
        #expect(state.overlay == nil)
    }

    @Test func escapeGoesBackOneLevel() {
        var state = freshState()
        send(&state, .function(6))
        send(&state, .escape)
        #expect(state.panel == .find)
        send(&state, .function(1))
        #expect(state.overlay == .help)
        send(&state, .escape)
        #expect(state.overlay == nil)
        #expect(state.panel == .find)
    }

    @Test func languageSwitchesAtRuntime() {
        var state = freshState(.zhHans)
        send(&state, .function(12))
        #expect(state.language == .en)
        #expect(state.status == StatusLine(Strings.languageSwitched))
        send(&state, .alt("l"))
        #expect(state.language == .zhHans)
    }

    @Test func tabCyclesPanels() {
        var state = freshState()
        send(&state, .backTab)
        #expect(state.panel == .reports)
        send(&state, .tab, .tab)
        #expect(state.panel == .reception)
    }

    @Test func helpOverlaySwallowsKeysUntilClosed() {
        var state = freshState()
        send(&state, .function(1), .character("a"), .function(5))
        #expect(state.overlay == .help)
        #expect(state.find.query.text.isEmpty)
        #expect(state.panel == .find)
        send(&state, .function(1))
        #expect(state.overlay == nil)
    }

    @Test func suspendAndRedrawAreEffects() {
        var state = freshState()
        #expect(send(&state, .ctrl("z")) == [.suspend])
        #expect(send(&state, .ctrl("l")) == [.redraw])
    }

    @Test func globalKeysChangeOnlyTheShell() {
        var s = freshState()
        assertReduce(&s, .keyPressed(.function(1))) { $0.overlay = .help }
        assertReduce(&s, .keyPressed(.escape)) { $0.overlay = nil }
        assertReduce(&s, .keyPressed(.function(9)),
                     effects: [.insights(.loadReport(ReportPeriod.containing(fixedNow, kind: .month, timeZone: s.timeZone)))]) {
            $0.panel = .reports
            $0.insights.period = ReportPeriod.containing(fixedNow, kind: .month, timeZone: $0.timeZone)
        }
        assertReduce(&s, .keyPressed(.escape)) { $0.panel = .find }
        // A letter that is a panel key outside a text field is typed into Find's query.
        assertReduce(&s, .keyPressed(.character("3")), effects: [.search(query: "3")]) { $0.find.query = TextInputState(text: "3") }
    }

    @Test func clockTicks() {
        var state = freshState()
        let later = fixedNow.addingTimeInterval(60)
        _ = reduce(&state, .clockTicked(later))
        #expect(state.now == later)
    }

    @Test func everyBindingHasHelpInBothLanguages() {
        for entry in Panel.allCases.flatMap({ panel -> [HelpEntry] in
            var s = freshState()
            s.panel = panel
            return KeyMap.entries(for: s)
        }) {
            #expect(!entry.help.zh.isEmpty && !entry.help.en.isEmpty)
            #expect(!entry.keys.isEmpty)
        }
        let zh = KeyMap.helpBar(for: freshState(.zhHans)).map(\.label)
        #expect(zh.contains("退出"))
        #expect(KeyMap.helpBar(for: freshState(.en)).map(\.label).contains("Quit"))
    }
}

@Suite struct NoticeReducerTests {
    @Test func aBackgroundNoticeTakesTheStatusLineAndAsksForNothing() {
        var s = freshState(.en)
        let line = StatusLine(Message(zh: "今日自动备份失败：磁盘已满", en: "Today's automatic backup failed: the disk is full"),
                              kind: .warning)
        #expect(reduce(&s, .notice(line)) == [])
        #expect(s.status == line)
    }
}
