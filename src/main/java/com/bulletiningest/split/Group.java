package com.bulletiningest.split;

import java.util.List;

/** A group label inside a section (国家级, 地方级, 资讯, 天津市 …) and its notices in print order. */
public record Group(String label, List<Notice> notices) {
}
