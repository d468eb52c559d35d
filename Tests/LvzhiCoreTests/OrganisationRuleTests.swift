import GRDB
import Testing
@testable import LvzhiCore

/// 全员入委, the module registry, and the text table: rules that need no database.
@Suite("组织规则与模块注册")
struct OrganisationRuleTests {
    let member = Member(id: 7, officeID: 1, termID: 1, name: "巴特尔", gender: "男", sectorID: 1, groupID: 3, createdAt: "")
    let proposals = Committee(id: 1, officeID: 1, code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
    let economy = Committee(id: 2, officeID: 1, code: "economy", name: "经济委员会")
    let culture = Committee(id: 3, officeID: 1, code: "culture", name: "文化文史和学习委员会", drawsFromOtherGroups: true)

    @Test("全员入委：选调优先，否则随界别活动组")
    func committeeOfMember() {
        #expect(CommitteeAssignment.committeeID(drawnCommitteeID: nil, groupCommitteeID: 2) == 2)
        #expect(CommitteeAssignment.committeeID(drawnCommitteeID: 1, groupCommitteeID: 2) == 1)
        #expect(CommitteeAssignment.committeeID(drawnCommitteeID: nil, groupCommitteeID: nil) == nil)
    }

    @Test("只有提案委、文史委可以跨组选调")
    func onlyDrawingCommitteesDraw() throws {
        try CommitteeAssignment.validateDraw(member: member, committee: proposals, groupCommitteeID: 2)
        let error = #expect(throws: LvzhiError.self) {
            try CommitteeAssignment.validateDraw(member: member, committee: economy, groupCommitteeID: 3)
        }
        #expect(error?.code == .ruleViolation)
        #expect(error?.message.contains("经济委员会") == true)
    }

    @Test("只有提案委、文史委可以设为可跨组选调")
    func drawingFlagOnlyForTwoCommittees() throws {
        try Committee.validateDrawing(name: "提案委员会", drawsFromOtherGroups: true)
        try Committee.validateDrawing(name: "文化文史和学习委员会", drawsFromOtherGroups: true)
        try Committee.validateDrawing(name: "经济委员会", drawsFromOtherGroups: false)
        let error = #expect(throws: LvzhiError.self) { try Committee.validateDrawing(name: "经济委员会", drawsFromOtherGroups: true) }
        #expect(error?.message.contains("经济委员会") == true)
    }

    @Test("已被选调的委员不能再进入另一专委会")
    func drawnMemberBelongsToOneCommittee() {
        var drawn = member
        drawn.drawnCommitteeID = proposals.id
        let error = #expect(throws: LvzhiError.self) {
            try CommitteeAssignment.validateDraw(member: drawn, committee: culture, groupCommitteeID: 2)
        }
        #expect(error?.code == .ruleViolation)
    }

    @Test("本组对应的专委会无需选调；不同政协不能选调")
    func pointlessOrForeignDraws() {
        #expect(throws: LvzhiError.self) { try CommitteeAssignment.validateDraw(member: member, committee: proposals, groupCommitteeID: 1) }
        let foreign = Committee(id: 9, officeID: 2, code: "proposals", name: "提案委员会", drawsFromOtherGroups: true)
        #expect(throws: LvzhiError.self) { try CommitteeAssignment.validateDraw(member: member, committee: foreign, groupCommitteeID: 2) }
    }

    static func manifest(_ id: String, dependsOn: [String] = [], permission: String? = nil) -> PluginManifest {
        let permissions = permission.map { [Permission(id: $0, title: "测试", moduleID: id, roles: [.staff])] } ?? []
        return PluginManifest(id: id, displayName: "测试模块", summary: "", version: "1.0.0", dependsOn: dependsOn, permissions: permissions)
    }

    @Test("模块注册：标识唯一、依赖先注册、权限带模块前缀")
    func registryRules() throws {
        var registry = try ModuleRegistry([Self.manifest("alpha", permission: "alpha.read")])
        #expect(throws: LvzhiError.self) { try registry.register(Self.manifest("alpha")) }
        #expect(throws: LvzhiError.self) { try registry.register(Self.manifest("beta", dependsOn: ["gamma"])) }
        #expect(throws: LvzhiError.self) { try registry.register(Self.manifest("beta", permission: "alpha.write")) }
        #expect(throws: LvzhiError.self) { try registry.register(Self.manifest("Bad-Id")) }
        #expect(throws: LvzhiError.self) { try registry.register(Self.manifest("core")) }
        try registry.register(Self.manifest("beta", dependsOn: ["alpha"]))
        #expect(registry.manifests.map(\.id) == ["alpha", "beta"])
        #expect(registry.allPermissions.contains { $0.id == "alpha.read" })
        let missing = #expect(throws: LvzhiError.self) { try registry.manifest("delta") }
        #expect(missing?.code == .notFound)
        #expect(missing?.hint?.contains("alpha") == true)
    }

    @Test("审计操作的中文名称：平台的、模块声明的；同一操作标识在各模块中须同名")
    func auditActionTitles() throws {
        func module(_ id: String, _ actions: [String: String]) -> PluginManifest {
            PluginManifest(id: id, displayName: "测试模块", summary: "", version: "1.0.0", auditActions: actions)
        }
        var registry = try ModuleRegistry([module("alpha", ["approve": "批准", "accept": "接收"])])
        try registry.register(module("beta", ["accept": "接收"]))
        #expect(throws: LvzhiError.self) { try registry.register(module("gamma", ["accept": "接收交办"])) }
        #expect(throws: LvzhiError.self) { try registry.register(module("delta", ["insert": "登记"])) }
        #expect(registry.auditActionTitle("insert") == "新增" && registry.auditActionTitle("approve") == "批准")
        #expect(registry.auditActionTitle("unheard_of") == "unheard_of")
    }

    @Test("权限按角色授予；联系方式只有管理员可见")
    func permissions() {
        #expect(CorePermission.memberContactRead.isGranted(to: [.administrator]))
        #expect(!CorePermission.memberContactRead.isGranted(to: [.staff, .member, .archivist]))
        #expect(CorePermission.memberRead.isGranted(to: [.staff]))
    }

    @Test("表格按显示宽度对齐（汉字占两格）")
    func tableAlignsChinese() {
        #expect(DisplayWidth.of("鄂尔多斯") == 8)
        #expect(DisplayWidth.of("ordos") == 5)
        let lines = TextTable(headers: ["代码", "名称"], rows: [["ordos", "鄂尔多斯市政协"], ["ks", "康巴什区政协"]]).render()
            .split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let secondColumn = lines.map { line in DisplayWidth.of(String(line.prefix(while: { $0 != "鄂" && $0 != "康" && $0 != "名" }))) }
        #expect(Set(secondColumn.enumerated().filter { $0.offset != 1 }.map(\.element)).count == 1)
    }
}
