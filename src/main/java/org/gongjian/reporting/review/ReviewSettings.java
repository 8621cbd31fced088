package org.gongjian.reporting.review;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the office sets for a programme's official year-end review (a 公文 under GB/T 9704): the red
 * 发文机关标志 (e.g. 开平市改革攻坚工作领导小组办公室文件), the issuing body signing it (落款), the
 * 发文字号 pattern with {year} and {n} (开改办〔{year}〕{n}号) and the sequence number, the title (empty:
 * 关于2024年“改革攻坚年”工作情况的通报), the 主送机关, the 抄送机关, the 印发机关 and the 成文日期
 * (empty: the day it is downloaded).
 */
public record ReviewSettings(
        @NotBlank @Size(max = 200) String mark,
        @NotBlank @Size(max = 200) String issuingBody,
        @NotBlank @Size(max = 100) String numberPattern,
        @Min(1) int numberSeq,
        @Size(max = 200) @Nullable String title,
        @NotBlank @Size(max = 500) String addressees,
        @Size(max = 500) @Nullable String copyTo,
        @NotBlank @Size(max = 200) String printedBy,
        @Nullable LocalDate signedOn) {

    /** The form GB/T 9704 gives a 发文字号: 机关代字〔2024〕7号, with 六角括号, no 第 and no zero padding. */
    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("^[^〔〕\\[\\]【】]+〔\\d{4}〕[1-9]\\d*号$");

    /** The 发文字号 for a year: 开改办〔2024〕1号. */
    public String number(int year) {
        return numberPattern.replace("{year}", String.valueOf(year)).replace("{n}", String.valueOf(numberSeq));
    }
}
