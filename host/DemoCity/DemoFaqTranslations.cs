using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Translations;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.DemoCity;

/// <summary>
/// Translations of some of the coupon program's FAQs (子育て応援クーポン answers in English, Chinese and Korean), seeded
/// once while there are none. coupon-006 (辞退) is in English only and the others are Japanese only, so the demo shows
/// both a translated answer and the Japanese answer with a note.
/// </summary>
internal static class DemoFaqTranslations
{
    private static readonly (string Key, string Language, string Question, string Answer)[] Texts =
    [
        ("coupon-001", "en", "What is the Child-Rearing Support Coupon?",
            "The **Wakabadai City Child-Rearing Support Coupon** helps families with small children: coupons for baby goods and childcare services at registered shops in the city.\n\n- Who: households raising a child from birth until the day before the child's third birthday, registered as residents of Wakabadai on the reference date\n- How much: **30,000 yen a year** per child (a booklet of thirty 500-yen coupons, twice a year)\n- Applying: usually not needed; the city sends the coupons based on birth and moving-in registrations\n\nThe list of shops is on the [coupon page](https://www.city.wakabadai.example.jp/kosodate/coupon/) (Japanese)."),
        ("coupon-001", "zh", "什么是育儿支援优惠券？",
            "**若叶台市育儿支援优惠券**是为减轻育儿家庭经济负担的制度，可在市内登记店铺购买育儿用品和使用育儿服务。\n\n- 对象：抚养0岁至3岁生日前一天儿童的家庭（基准日在若叶台市有居民登记）\n- 金额：每名儿童每年**3万日元**（500日元券×30张的优惠券册，每年2次）\n- 申请：原则上无需申请，市政府根据出生登记和迁入登记自动寄送\n\n可使用的店铺请查看[优惠券页面](https://www.city.wakabadai.example.jp/kosodate/coupon/)（日文）。"),
        ("coupon-001", "ko", "육아 응원 쿠폰은 어떤 제도입니까?",
            "**와카바다이시 육아 응원 쿠폰**은 육아 가정의 경제적 부담을 덜기 위해 시내 등록 점포에서 육아 용품과 육아 서비스에 사용할 수 있는 쿠폰을 보내 드리는 제도입니다.\n\n- 대상: 0세부터 만 3세 생일 전날까지의 자녀를 양육하는 세대(기준일에 와카바다이시에 주민 등록이 있는 분)\n- 금액: 자녀 1명당 연간 **3만 엔**(500엔권×30장 쿠폰 책자를 연 2회)\n- 신청: 원칙적으로 필요 없습니다. 출생 신고·전입 신고 정보를 바탕으로 시에서 자동으로 보내 드립니다\n\n사용 가능한 점포는 [쿠폰 페이지](https://www.city.wakabadai.example.jp/kosodate/coupon/)(일본어)에서 확인해 주십시오."),
        ("coupon-002", "en", "When will the Child-Rearing Support Coupon arrive? (delivery dates)",
            "The coupons are delivered twice a year.\n\n- **First half**: delivered from mid to late June (reference date: May 1)\n- **Second half**: delivered from early to mid December (reference date: November 1)\n\nIf your child was born or you moved in after the reference date, the coupons arrive late in the month after the registration. A delivery company hands them over **in person** (they are not left in the mailbox)."),
        ("coupon-002", "zh", "育儿支援优惠券什么时候寄到？（配送日期）",
            "优惠券每年分两次配送。\n\n- **上期**：6月中旬至下旬配送（基准日：5月1日）\n- **下期**：12月上旬至中旬配送（基准日：11月1日）\n\n基准日之后出生或迁入的，在办理出生登记或迁入登记的次月下旬另行寄送。由快递公司**当面交付**（不投入信箱）。"),
        ("coupon-002", "ko", "육아 응원 쿠폰은 언제 도착합니까? (배송일)",
            "쿠폰은 연 2회로 나누어 배송합니다.\n\n- **전기분**: 6월 중순~하순 배송(기준일: 5월 1일)\n- **후기분**: 12월 상순~중순 배송(기준일: 11월 1일)\n\n기준일 이후에 출생·전입한 경우에는 신고한 다음 달 하순에 따로 보내 드립니다. 택배로 **직접 전달**합니다(우편함에 넣지 않습니다)."),
        ("coupon-003", "en", "My Child-Rearing Support Coupon has not arrived.",
            "If the coupons have not arrived after the delivery period (first half: mid to late June; second half: early to mid December), please check:\n\n- whether the delivery company left a **missed-delivery notice** in your mailbox\n- whether your child was born or you moved in after the reference date (May 1 or November 1); then they arrive late in the following month\n- whether you reported your new address if you moved after the reference date\n\nIf they still have not arrived, call the coupon desk (extension 3515, weekdays 8:30–17:15) with your child's name, date of birth and address."),
        ("coupon-003", "zh", "没有收到育儿支援优惠券。",
            "配送期间（上期：6月中旬至下旬；下期：12月上旬至中旬）结束后仍未收到的，请确认以下几点：\n\n- 信箱里是否有快递公司的**未能投递通知单**\n- 是否在基准日（5月1日、11月1日）之后出生或迁入（此时在次月下旬寄送）\n- 基准日之后搬家的，是否已办理地址变更\n\n仍未收到的，请准备好孩子的姓名、出生日期和地址，联系育儿支援优惠券负责窗口（分机3515，工作日8:30至17:15）。"),
        ("coupon-003", "ko", "육아 응원 쿠폰이 도착하지 않았습니다.",
            "배송 기간(전기: 6월 중순~하순, 후기: 12월 상순~중순)이 지나도 도착하지 않은 경우 다음을 확인해 주십시오.\n\n- 우편함에 택배 회사의 **부재 연락표**가 들어 있지 않은지\n- 기준일(5월 1일·11월 1일) 이후에 출생·전입하지 않았는지(그 경우 다음 달 하순에 도착합니다)\n- 기준일 이후에 이사한 경우 주소 변경 신고를 했는지\n\n그래도 도착하지 않으면 자녀의 이름·생년월일과 주소를 준비하여 육아 응원 쿠폰 담당(내선 3515, 평일 8:30~17:15)으로 문의해 주십시오."),
        ("coupon-006", "en", "I want to decline the Child-Rearing Support Coupon.",
            "If you do not wish to receive the coupons, submit a **declination form (辞退届)** at the Child-Rearing Support Division counter, by post, or [online](https://www.city.wakabadai.example.jp/kosodate/coupon/jitai/) (Japanese).\n\n- To stop the next delivery, submit it before the reference date (May 1 or November 1)\n- To decline coupons you have already received, send the unused booklet back to the division\n\nIf you change your mind, a withdrawal of the declination restarts deliveries from the next one."),
    ];

    public static async Task SeedAsync(FaqDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await db.Translations.AnyAsync(cancellationToken))
        {
            return;
        }

        var keys = Texts.Select(t => t.Key).Distinct().ToList();
        var ids = await db.Faqs.Where(f => f.ExternalKey != null && keys.Contains(f.ExternalKey))
            .ToDictionaryAsync(f => f.ExternalKey!, f => f.Id, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.Translations.AddRange(Texts.Where(t => ids.ContainsKey(t.Key))
            .Select(t => new FaqTranslation(ids[t.Key], t.Language, t.Question, t.Answer) { UpdatedAtUtc = now }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
