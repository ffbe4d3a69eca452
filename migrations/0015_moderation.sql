-- Reserved: this migration's tables are added with its feature.
SELECT 1;
