"""The roster-import benchmark (run by scripts/bench-import): times the real CLI against sqlite3 .import."""
import argparse, csv, os, random, shutil, subprocess, tempfile, time

SECTORS = ["中共", "民革", "民盟", "民建", "无党派人士", "工商联", "科学技术界", "经济界", "农业界", "教育界",
           "文化艺术界", "医药卫生界", "社会福利和社会保障界", "少数民族界", "宗教界", "特邀人士"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建华文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
ETHNICITIES = ["汉族"] * 8 + ["蒙古族", "回族", "满族"]
PARTIES = ["中共党员", "民革", "民盟", "民建", "无党派人士", "群众"]


def roster(path, rows):
    rng = random.Random(2026)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["姓名", "性别", "民族", "出生日期", "界别", "党派", "手机"])
        for _ in range(rows):
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
            birth = f"{rng.randint(1955, 1990)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            w.writerow([name, rng.choice("男女"), rng.choice(ETHNICITIES), birth, rng.choice(SECTORS), rng.choice(PARTIES),
                        "13" + "".join(str(rng.randint(0, 9)) for _ in range(9))])


def run(args, **kw):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kw)


def office(lvzhi, folder):
    db = os.path.join(folder, f"bench-{time.time_ns()}.sqlite")
    env = dict(os.environ, LVZHI_DB=db)
    run([lvzhi, "init"], env=env)
    run([lvzhi, "office", "add", "ordos", "政协鄂尔多斯市委员会"], env=env)
    run([lvzhi, "term", "add", "5", "--office", "ordos", "--start", "2022-01-06"], env=env)
    for sector in SECTORS:
        run([lvzhi, "sector", "add", sector, "--office", "ordos"], env=env)
    return env


def best(label, setup, command, repeat=3):
    times = []
    for _ in range(repeat):
        env = setup()
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - start)
    print(f"  {label:<44} {min(times) * 1000:9.1f} ms")
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lvzhi", required=True)
    parser.add_argument("--rows", type=int, default=10000)
    a = parser.parse_args()
    if shutil.which("sqlite3") is None:
        raise SystemExit("需要 sqlite3 命令（scripts/setup 会安装）")
    folder = tempfile.mkdtemp(prefix="lvzhi-bench-import-")
    try:
        csv_path = os.path.join(folder, "名册.csv")
        roster(csv_path, a.rows)
        print(f"名册导入基准：{a.rows} 行（UTF-8 带 BOM），各取 3 次中最好的一次")
        bare_db = os.path.join(folder, "bare.sqlite")

        def bare_setup():
            if os.path.exists(bare_db):
                os.remove(bare_db)
            return dict(os.environ)
        bare = best("sqlite3 .import（同一文件，无校验）", bare_setup, ["sqlite3", bare_db, ".mode csv", f".import {csv_path} roster"])
        dry = best("lvzhi member import --dry-run（只校验）", lambda: office(a.lvzhi, folder),
                   [a.lvzhi, "member", "import", csv_path, "--office", "ordos", "--dry-run"])
        full = best("lvzhi member import（校验、写入、审计、事件）", lambda: office(a.lvzhi, folder),
                    [a.lvzhi, "member", "import", csv_path, "--office", "ordos"])
        print(f"  比值：只校验 / sqlite3 = {dry / bare:.1f}×，导入 / sqlite3 = {full / bare:.1f}×（目标 ≤ 15×）")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
