import CLua
import CLuaShim
import GRDB
import GRDBSQLite
import LvzhiCore
import LvzhiStorage

/// Members streamed into Lua tables straight from their rows (``MemberRows``): the fields of a
/// ``MemberView`` as ``LuaRecordEncoder`` pushes it — the same keys and values, in the same
/// order, which a test keeps equal — without making the view's Swift strings or going through
/// `Encodable`. Text columns go from SQLite's buffer to `lua_pushlstring`; the office's names
/// (term, sector, group, committee) come from ``MemberNames``.
///
/// `lvzhi.members.each` reads a whole roster this way; the access checks happened when
/// `MemberStore` made the rows.
final class LuaMemberStream {
    private let rows: MemberRows
    private let statement: OpaquePointer
    /// The registry references of the view's keys, in its field order.
    private let keys: [Int32]

    /// The view's fields in the order its `Codable` form encodes them.
    static let fields = ["id", "office", "term", "name", "gender", "ethnicity", "birthDate", "sector", "group", "committee",
                         "drawn", "party", "roles", "mobile", "email", "address"]

    init(_ rows: MemberRows, state: LuaState, _ L: OpaquePointer) {
        self.rows = rows
        statement = rows.statement.sqliteStatement
        state.recordKeys.note(MemberView.self)  // report headers, as the encoder notes every type it pushes
        keys = Self.fields.map { state.recordKeys.reference($0, L) }
    }

    /// Pushes the next member and returns true, or pushes nothing and returns false at the end.
    func pushNext(_ L: OpaquePointer) throws -> Bool {
        guard try rows.cursor.next() != nil else { return false }
        let names = rows.names
        let groupID = integer(8), drawnID = integer(9)
        guard lua_checkstack(L, 4) != 0 else { throw LuaRecordEncoder.tooDeep }
        lua_createtable(L, 0, Int32(keys.count))
        let table = lua_gettop(L)
        set(0, table, L) { lua_pushinteger(L, sqlite3_column_int64(statement, 0)) }
        set(1, table, L) { push(names.officeCode, L) }
        set(2, table, L) { push(integer(2).flatMap { names.terms[$0] } ?? "", L) }
        text(3, key: 3, table, L)
        text(4, key: 4, table, L)
        text(5, key: 5, table, L)
        text(6, key: 6, table, L)
        set(7, table, L) { push(integer(7).flatMap { names.sectors[$0] } ?? "", L) }
        if let group = groupID.flatMap({ names.groups[$0] }) { set(8, table, L) { push(group.name, L) } }
        if let committee = (drawnID ?? groupID.flatMap { names.groups[$0]?.committeeID }).flatMap({ names.committees[$0] }) {
            set(9, table, L) { push(committee, L) }
        }
        set(10, table, L) { lua_pushboolean(L, drawnID != nil ? 1 : 0) }
        text(10, key: 11, table, L)
        try pushRoles(table, L)
        if rows.showContact {
            text(12, key: 13, table, L)
            text(13, key: 14, table, L)
            text(14, key: 15, table, L)
        }
        return true
    }

    /// The roles column (a JSON array of strings) as a sequence; `[]`, the usual value, without parsing.
    private func pushRoles(_ table: Int32, _ L: OpaquePointer) throws {
        let count = Int(sqlite3_column_bytes(statement, 11))
        if count == 2, let bytes = sqlite3_column_text(statement, 11), bytes[0] == UInt8(ascii: "["), bytes[1] == UInt8(ascii: "]") {
            return set(12, table, L) { lua_createtable(L, 0, 0) }
        }
        let text = sqlite3_column_text(statement, 11).map { String(cString: $0) } ?? ""
        guard let roles = JSONObjectText.strings(in: text) else {
            lua_settop(L, table - 1)
            throw LvzhiError(.storage, "数据库中委员 ID \(sqlite3_column_int64(statement, 0)) 的职务数据无法读取：\(text.prefix(80))",
                             hint: "该数据不是由 lvzhi 写入的；请检查数据库文件")
        }
        set(12, table, L) {
            lua_createtable(L, Int32(roles.count), 0)
            for (position, role) in roles.enumerated() {
                push(role, L)
                lua_rawseti(L, -2, Int64(position + 1))
            }
        }
    }

    /// Column `i` as an integer, nil when NULL.
    @inline(__always)
    private func integer(_ i: Int32) -> Int64? {
        sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, i)
    }

    /// Field `key` of the table at `table` set to text column `i`, absent when NULL (as a nil field is).
    @inline(__always)
    private func text(_ i: Int32, key: Int, _ table: Int32, _ L: OpaquePointer) {
        guard sqlite3_column_type(statement, i) != SQLITE_NULL else { return }
        set(key, table, L) {
            let text = UnsafeRawPointer(sqlite3_column_text(statement, i))  // before _bytes, as SQLite asks
            _ = lua_pushlstring(L, text?.assumingMemoryBound(to: CChar.self), Int(sqlite3_column_bytes(statement, i)))
        }
    }

    /// Field `key` of the table at `table` set to the one value `value` pushes.
    @inline(__always)
    private func set(_ key: Int, _ table: Int32, _ L: OpaquePointer, _ value: () -> Void) {
        lua_rawgeti(L, lvzRegistryIndex, Int64(keys[key]))
        value()
        lua_rawset(L, table)
    }

    @inline(__always)
    private func push(_ text: String, _ L: OpaquePointer) {
        var text = text
        text.withUTF8 { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
    }
}

/// Holds a member stream (and its database cursor) so that it can be released at the end of the run.
final class MemberStreamHolder {
    var stream: LuaMemberStream?
    init(_ stream: LuaMemberStream) { self.stream = stream }
}

extension LuaCall {
    /// Pushes an iterator over the members of `rows` (see ``LuaMemberStream``).
    public func pushIterator(members rows: MemberRows) {
        let holder = MemberStreamHolder(LuaMemberStream(rows, state: state, L))
        state.pushFunction(onExpire: { holder.stream = nil }, on: L) { call in try holder.stream?.pushNext(call.L) == true ? 1 : 0 }
    }

    /// Pushes the members of `rows` as an array (see ``LuaMemberStream``).
    public func push(members rows: MemberRows) throws {
        let stream = LuaMemberStream(rows, state: state, L)
        try pushArray { try stream.pushNext(L) }
    }
}
