import Foundation
import ScreenKit
import ServiceDomain

/// The Find panel (F2): a query typed live, its results, and the customer card opened from them.
public enum FindFeature: PanelFeature {
    public enum Action: Sendable, Equatable {
        case move(ListMove)
        case open
        /// A walk-in or phone complaint, opened from the customer's card.
        case newComplaint
    }

    static let listTable = ListKeys.underSearch.map(Action.move) + KeyTable([
        KeyBinding([.enter], .open, Strings.keyOpen, section: .movement),
    ])
    static let cardTable = KeyTable<Action>([KeyBinding([.character("c")], .newComplaint, Strings.keyNewComplaint)])

    public static func keys(_ state: AppState) -> ModeKeys {
        state.find.card != nil ? ModeKeys(.card, cardTable) : ModeKeys(.list, typing: true, listTable)
    }

    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        if let card = state.find.card {
            guard cardTable.match(key) == .newComplaint, let id = card.customer.id else { return [] }
            return Reduction(delegate: .startComplaint(customerID: id, vehicles: card.vehicles))
        }
        switch listTable.match(key) {
        case .move(let move):
            state.find.table.apply(move, rowCount: state.find.rows.count)
            return []
        case .open:
            guard state.find.rows.indices.contains(state.find.table.selected) else { return [] }
            let row = state.find.rows[state.find.table.selected]
            state.find.cardVehicleID = row.vehicle?.id
            return [.loadCard(customerID: row.customer.customerID)]
        case .newComplaint, nil:
            let before = state.find.query.text
            guard state.find.query.handle(key) else { return [] }
            return Reduction(state.find.query.text == before ? [] : queryChanged(&state))
        }
    }

    /// Esc closes the card, then clears the query.
    public static func back(_ state: inout AppState) -> Bool {
        if state.find.card != nil {
            state.find.card = nil
            state.find.cardVehicleID = nil
            return true
        }
        guard !state.find.query.text.isEmpty else { return false }
        state.find.query = TextInputState()
        _ = queryChanged(&state)
        return true
    }

    private static func queryChanged(_ state: inout AppState) -> [Effect] {
        state.status = nil
        let query = state.find.query.text
        if query.trimmingCharacters(in: .whitespaces).isEmpty {
            state.find.results = []
            state.find.rows = []
            state.find.resultsQuery = query
            state.find.table = TableState()
            return []
        }
        return [.search(query: query)]
    }
}
