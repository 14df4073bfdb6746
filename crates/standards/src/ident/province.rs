//! The 34 province-level divisions and the two-digit codes that open every
//! citizen ID number (GB/T 2260).

use dangjian_core::Text;
use serde::{Deserialize, Serialize};

/// A province-level division: its two-digit code and its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    /// Two-digit code, e.g. `44`.
    pub code: &'static str,
    /// Short Chinese name, e.g. 广东.
    pub name_zh: &'static str,
    /// English name, e.g. Guangdong.
    pub name_en: &'static str,
}

impl Province {
    /// The name in both languages.
    pub fn name(&self) -> Text {
        Text::new(self.name_zh, self.name_en)
    }
}

const fn p(code: &'static str, name_zh: &'static str, name_en: &'static str) -> Province {
    Province {
        code,
        name_zh,
        name_en,
    }
}

/// Every province-level code: 31 provinces, autonomous regions and
/// municipalities of the mainland, then Taiwan, Hong Kong and Macao.
pub const PROVINCES: [Province; 34] = [
    p("11", "北京", "Beijing"),
    p("12", "天津", "Tianjin"),
    p("13", "河北", "Hebei"),
    p("14", "山西", "Shanxi"),
    p("15", "内蒙古", "Inner Mongolia"),
    p("21", "辽宁", "Liaoning"),
    p("22", "吉林", "Jilin"),
    p("23", "黑龙江", "Heilongjiang"),
    p("31", "上海", "Shanghai"),
    p("32", "江苏", "Jiangsu"),
    p("33", "浙江", "Zhejiang"),
    p("34", "安徽", "Anhui"),
    p("35", "福建", "Fujian"),
    p("36", "江西", "Jiangxi"),
    p("37", "山东", "Shandong"),
    p("41", "河南", "Henan"),
    p("42", "湖北", "Hubei"),
    p("43", "湖南", "Hunan"),
    p("44", "广东", "Guangdong"),
    p("45", "广西", "Guangxi"),
    p("46", "海南", "Hainan"),
    p("50", "重庆", "Chongqing"),
    p("51", "四川", "Sichuan"),
    p("52", "贵州", "Guizhou"),
    p("53", "云南", "Yunnan"),
    p("54", "西藏", "Xizang"),
    p("61", "陕西", "Shaanxi"),
    p("62", "甘肃", "Gansu"),
    p("63", "青海", "Qinghai"),
    p("64", "宁夏", "Ningxia"),
    p("65", "新疆", "Xinjiang"),
    p("71", "台湾", "Taiwan"),
    p("81", "香港", "Hong Kong"),
    p("82", "澳门", "Macao"),
];

/// The province with this two-digit code.
pub fn by_code(code: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_two_digit_numbers() {
        for (i, a) in PROVINCES.iter().enumerate() {
            assert_eq!(a.code.len(), 2);
            assert!(a.code.bytes().all(|b| b.is_ascii_digit()));
            assert!(
                PROVINCES.iter().skip(i + 1).all(|b| b.code != a.code),
                "{} twice",
                a.code
            );
        }
    }

    #[test]
    fn finds_real_codes_only() {
        assert_eq!(by_code("44").map(|p| p.name_zh), Some("广东"));
        assert_eq!(by_code("51").map(|p| p.name_en), Some("Sichuan"));
        assert!(by_code("00").is_none());
        assert!(by_code("99").is_none());
        assert!(by_code("83").is_none());
    }
}
